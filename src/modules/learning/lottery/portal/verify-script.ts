/**
 * The draw page's "re-run" script (served as /assets/lottery-verify.js: the CSP allows only same-origin scripts). It
 * reads the published record from the page's JSON block, checks SHA-256(seed) against the committed hash, recomputes
 * every ticket's HMAC-SHA256 with WebCrypto, sorts by (group, key, ticket) and compares with the published order.
 * Plain ES2017, no imports: a visitor can read exactly what runs.
 */
export const VERIFY_SCRIPT = `'use strict';
(function () {
  var button = document.getElementById('draw-rerun');
  var out = document.getElementById('draw-rerun-result');
  if (!button || !out) return;
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }
  function bytes(text) {
    var a = new Uint8Array(text.length / 2);
    for (var i = 0; i < a.length; i++) a[i] = parseInt(text.substr(i * 2, 2), 16);
    return a;
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function show(ok, message) {
    out.textContent = message;
    out.className = ok ? 'alert ok' : 'alert';
  }
  async function rerun() {
    if (!window.crypto || !window.crypto.subtle) { show(false, button.getAttribute('data-unsupported')); return; }
    var data = JSON.parse(document.getElementById('draw-data').textContent);
    var seed = bytes(data.seed);
    if (hex(await crypto.subtle.digest('SHA-256', seed)) !== data.seedHash) { show(false, button.getAttribute('data-bad-hash')); return; }
    var key = await crypto.subtle.importKey('raw', seed, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    var encoder = new TextEncoder();
    var keyed = await Promise.all(data.applicants.map(async function (a) {
      return { ticket: a.ticket, group: a.group, key: hex(await crypto.subtle.sign('HMAC', key, encoder.encode(a.ticket))) };
    }));
    keyed.sort(function (x, y) { return x.group - y.group || cmp(x.key, y.key) || cmp(x.ticket, y.ticket); });
    var published = data.result.map(function (r) { return r.ticket; });
    var same = keyed.length === published.length && keyed.every(function (k, i) { return k.ticket === published[i]; });
    show(same, button.getAttribute(same ? 'data-ok' : 'data-bad-order'));
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    rerun().catch(function (error) { show(false, String(error)); });
  });
})();
`;
