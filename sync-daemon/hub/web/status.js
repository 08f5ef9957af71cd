// Borgerblikket: a QR code on the receipt links to /status#r=REFERENCE&c=CODE. The fragment never reaches the
// server (not in its logs, not in a Referer), and this script moves it into the form and then removes it from
// the address bar and the history, so the code is not left behind in the browser either. Nothing else runs.
(function () {
  'use strict';
  var hash = window.location.hash;
  if (!hash || hash.length < 2) {
    return;
  }
  var params = new URLSearchParams(hash.substring(1));
  var reference = params.get('r');
  var code = params.get('c');
  history.replaceState(null, '', window.location.pathname + window.location.search);
  document.addEventListener('DOMContentLoaded', function () {
    var r = document.getElementById('reference');
    var c = document.getElementById('code');
    if (r && reference) {
      r.value = reference;
    }
    if (c && code) {
      c.value = code;
    }
    if (r && c && r.value && c.value) {
      var submit = document.querySelector('form.status-form button[type="submit"]');
      if (submit) {
        submit.focus();
      }
    }
  });
})();
