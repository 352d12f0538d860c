'use strict';
// Proof Key for Code Exchange (RFC 7636) for the Cognito login: the page keeps a random code_verifier, sends only
// its S256 challenge with the login, and proves possession when it exchanges the returned code for tokens, so a
// code caught on the way back (history, logs, another app) is useless. Browser Web Crypto only; also loads in
// Node (the test checks RFC 7636's own example).
(function (root) {
  var cryptoApi = root.crypto;

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // 32 random bytes → 43 characters of [A-Za-z0-9-_], the length RFC 7636 (4.1) recommends
  function randomString() {
    var bytes = new Uint8Array(32);
    cryptoApi.getRandomValues(bytes);
    return base64url(bytes);
  }

  // code_challenge = BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636, 4.2)
  function challenge(verifier) {
    var ascii = new Uint8Array(verifier.length);
    for (var i = 0; i < verifier.length; i++) { ascii[i] = verifier.charCodeAt(i) & 0x7f; }
    return cryptoApi.subtle.digest('SHA-256', ascii).then(function (d) { return base64url(new Uint8Array(d)); });
  }

  var api = { verifier: randomString, state: randomString, challenge: challenge, base64url: base64url };
  if (typeof module === 'object' && module.exports) { module.exports = api; } else { root.KWPkce = api; }
})(typeof window === 'object' ? window : globalThis);
