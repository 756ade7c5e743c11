// Copy buttons of the console. Without this script the value stays in a read-only field the
// reader selects and copies by hand; the buttons are hidden until the script can make them work.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('button[data-copy]');
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy') + '-status');
    if (!field || !status || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          status.textContent = button.getAttribute('data-copied');
        },
        function () {
          field.focus();
          field.select();
          status.textContent = button.getAttribute('data-failed');
        },
      );
    });
  });
})();
