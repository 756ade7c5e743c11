/*
 * Treffpunkt's calendar widget: <script src="…/embed.js" data-organisation="ARN" defer></script>
 * shows the organisation's upcoming events where the script stands, in the host page's language
 * (de or en), inside a shadow root so that the host's styles and ours leave each other alone. The
 * list is HTML rendered by Treffpunkt and fetched from Treffpunkt's own origin, which answers
 * only sites the organisation allowed (CORS); anywhere else, or offline, the widget shows nothing.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var code = (script.getAttribute('data-organisation') || '').trim();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) return;
  var lang = (document.documentElement.lang || '').slice(0, 2).toLowerCase() === 'en' ? 'en' : 'de';
  var url = new URL('/embed/organisations/' + encodeURIComponent(code.toLowerCase()) + '/events', script.src);
  url.searchParams.set('lang', lang);
  var host = document.createElement('div');
  host.className = 'treffpunkt-calendar';
  script.parentNode.insertBefore(host, script.nextSibling);
  fetch(url.href, { mode: 'cors', credentials: 'omit' })
    .then(function (response) {
      if (!response.ok) throw new Error('Treffpunkt answered ' + response.status);
      return response.text();
    })
    .then(function (fragment) {
      host.attachShadow({ mode: 'open' }).innerHTML = fragment;
    })
    .catch(function () {
      host.remove();
    });
})();
