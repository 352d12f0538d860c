'use strict';
// The reviewers' werkvoorraad: the table comes ready from the API (the same renderer as the stored copy), with
// short-lived download links; a gemeente's code is refused there, so this page shows it nothing.
(function () {
  var KW = window.KW;
  function $(id) { return document.getElementById(id); }

  function load() {
    return KW.api('GET', '/werkvoorraad').then(function (w) {
      KW.clearFail();
      $('inloggen').hidden = true;
      $('overzicht').hidden = false;
      $('tabel').innerHTML = w.html; // generated server-side with every value escaped
      $('xlsx').href = w.xlsx;
      KW.say('Werkvoorraad geladen: ' + w.aanvragen + (w.aanvragen === 1 ? ' aanvraag.' : ' aanvragen.'));
    }, function (e) {
      $('overzicht').hidden = true;
      $('tabel').textContent = '';
      if (e.status === 401) { sessionStorage.removeItem(KW.TOKEN_KEY); $('inloggen').hidden = false; }
      KW.fail(e.status === 401 ? 'Deze toegangscode is onbekend of verlopen.' : e.message);
    });
  }

  $('inlogformulier').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var code = $('toegangscode').value.trim();
    if (!code) { KW.fail('Vul uw toegangscode in.'); $('toegangscode').focus(); return; }
    sessionStorage.setItem(KW.TOKEN_KEY, code);
    load();
  });
  $('verversen').addEventListener('click', load);
  KW.ready.then(function () { if (KW.token()) { load(); } });
})();
