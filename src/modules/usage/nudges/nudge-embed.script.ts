/**
 * The script a customer's product includes to show Baton's in-app nudges:
 * `<script src="https://baton.example/embed/nudges.js" data-key="bk_…"></script>` then `BatonNudges.show(userId)`.
 * No framework; the banner is a labelled region with a heading, the message as text and a Dismiss button
 * (Escape dismisses too); it takes no focus away from the page.
 */
export const NUDGES_SCRIPT =
  `(function () {
  'use strict';
  var script = document.currentScript;
  var key = script ? script.getAttribute('data-key') : null;
  var base = script && script.src ? new URL(script.src).origin : '';
  function call(path, method) {
    return fetch(base + path, {
      method: method,
      mode: 'cors',
      credentials: 'omit',
      headers: { Authorization: 'Basic ' + btoa(key + ':') }
    });
  }
  function banner(nudge, userId, rest) {
    var box = document.createElement('section');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', 'baton-nudge-title-' + nudge.id);
    box.setAttribute('data-baton-nudge', nudge.id);
    box.style.cssText = 'position:fixed;right:16px;bottom:16px;max-width:360px;z-index:2147483647;' +
      'background:#ffffff;color:#1a1a1a;border:2px solid #1f4f99;border-radius:8px;padding:16px;' +
      'font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)';
    var title = document.createElement('h2');
    title.id = 'baton-nudge-title-' + nudge.id;
    title.style.cssText = 'margin:0 0 8px;font-size:17px';
    title.textContent = nudge.subject;
    var text = document.createElement('p');
    text.style.cssText = 'margin:0 0 12px;white-space:pre-line';
    text.textContent = nudge.body;
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.style.cssText = 'font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #1f4f99;' +
      'background:#1f4f99;color:#ffffff;cursor:pointer';
    function dismiss() {
      document.removeEventListener('keydown', onKey);
      box.remove();
      call('/embed/v1/nudges/' + encodeURIComponent(nudge.id) + '/dismiss?userId=' + ` +
  `encodeURIComponent(userId), 'POST');
      if (rest.length) banner(rest[0], userId, rest.slice(1));
    }
    function onKey(e) { if (e.key === 'Escape') dismiss(); }
    close.addEventListener('click', dismiss);
    document.addEventListener('keydown', onKey);
    box.appendChild(title);
    box.appendChild(text);
    box.appendChild(close);
    document.body.appendChild(box);
    call('/embed/v1/nudges/' + encodeURIComponent(nudge.id) + '/seen?userId=' + encodeURIComponent(userId), 'POST');
  }
  function show(userId) {
    if (!key || !userId) return Promise.resolve([]);
    return call('/embed/v1/nudges?userId=' + encodeURIComponent(userId), 'GET')
      .then(function (res) { return res.ok ? res.json() : { items: [] }; })
      .then(function (answer) {
        var items = answer.items || [];
        if (items.length) banner(items[0], userId, items.slice(1));
        return items;
      });
  }
  window.BatonNudges = { show: show };
})();
`;
