// Says the date typed into a date or date-time field in words in the console's language, as the
// server does when it renders the page: the input itself shows the browser's format, which for a
// German organiser in an English browser reads month first.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[data-time-words]');
  Array.prototype.forEach.call(inputs, function (input) {
    var hint = document.getElementById(input.getAttribute('data-time-words'));
    if (!hint) return;
    input.addEventListener('input', function () {
      var value = input.value;
      var match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
      if (!match) {
        hint.textContent = hint.getAttribute('data-none');
        return;
      }
      var hasTime = match[4] !== undefined;
      var instant = Date.UTC(+match[1], +match[2] - 1, +match[3], hasTime ? +match[4] : 0, hasTime ? +match[5] : 0);
      var options = hasTime
        ? { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'short' }
        : { timeZone: 'UTC', dateStyle: 'full' };
      var words = new Intl.DateTimeFormat(hint.getAttribute('data-locale'), options).format(instant);
      hint.textContent = hint.getAttribute('data-chosen').replace('{{when}}', words);
    });
  });
})();
