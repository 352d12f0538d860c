'use strict';
// The portal page: log in, request a presigned PUT, upload straight to S3 with progress, then poll the API
// until the document is processed. No framework; everything the user needs to know is said in text.
(function () {
  var API = 'api';
  var TOKEN_KEY = 'kw-toegang';
  var fmtTijd = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  var fmtDatum = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
  var fmtEuro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

  function $(id) { return document.getElementById(id); }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    return e;
  }
  var LOGIN_KEY = 'kw-inlog'; // {verifier, state} while the hosted login is open in this tab
  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function say(text) { $('status').textContent = text; }
  function fail(text) { $('fout').textContent = text; }
  function clearFail() { $('fout').textContent = ''; }

  function api(method, path, body) {
    return fetch(API + path, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + (token() || ''), 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.fout || ('Het portaal antwoordde met fout ' + r.status + '.'));
          e.status = r.status;
          throw e;
        }
        return json;
      });
    }, function () { throw new Error('Het portaal is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.'); });
  }
  function tijd(iso) { return iso ? fmtTijd.format(new Date(iso)) : '—'; }
  function datum(iso) { return iso ? fmtDatum.format(new Date(iso + 'T12:00:00Z')) : '—'; }
  function euro(n) { return n === null || n === undefined ? '—' : fmtEuro.format(n); }

  // In AWS, config.json names the Cognito hosted login (and through it eHerkenning). Login is the authorization
  // code flow with PKCE (RFC 7636, S256): the page keeps a random verifier and state in this tab's sessionStorage,
  // sends the challenge, gets ?code=…&state=… back and exchanges the code with the verifier at the token endpoint
  // for the ID token — no token ever travels in a URL. Locally config.json is empty and the page asks for an
  // access code. `ready` settles once a returning login is finished (or there is none).
  function startLogin(c, back) {
    var login = { verifier: window.KWPkce.verifier(), state: window.KWPkce.state() };
    sessionStorage.setItem(LOGIN_KEY, JSON.stringify(login));
    return window.KWPkce.challenge(login.verifier).then(function (challenge) {
      window.location.assign(c.loginDomain + '/oauth2/authorize?' + new URLSearchParams({
        response_type: 'code', client_id: c.clientId, redirect_uri: back, scope: 'openid email',
        state: login.state, code_challenge: challenge, code_challenge_method: 'S256' }).toString());
    });
  }

  function finishLogin(c, back) {
    var params = new URLSearchParams(window.location.search);
    if (!params.has('code') && !params.has('error')) { return Promise.resolve(); }
    var stored = JSON.parse(sessionStorage.getItem(LOGIN_KEY) || 'null');
    sessionStorage.removeItem(LOGIN_KEY);
    var code = params.get('code');
    var error = params.get('error');
    var state = params.get('state');
    ['code', 'state', 'error', 'error_description'].forEach(function (k) { params.delete(k); });
    var rest = params.toString();
    history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
    if (error) {
      fail('Inloggen is niet gelukt (' + error + '). Probeer het opnieuw.');
      return Promise.resolve();
    }
    if (!stored || !state || stored.state !== state) {
      // a login this tab did not start (or started twice): its code is not exchanged
      fail('Het inloggen kon niet worden afgerond. Probeer het opnieuw via "Inloggen met uw account".');
      return Promise.resolve();
    }
    return fetch(c.loginDomain + '/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: c.clientId, code: code,
        redirect_uri: back, code_verifier: stored.verifier }).toString()
    }).then(function (r) { return r.json().then(function (t) { return { ok: r.ok, t: t }; }); }).then(function (x) {
      if (!x.ok || !x.t.id_token) { throw new Error(x.t.error || 'geen token'); }
      sessionStorage.setItem(TOKEN_KEY, x.t.id_token);
    }).catch(function (e) {
      fail('Het inloggen kon niet worden afgerond (' + e.message + '). Probeer het opnieuw.');
    });
  }

  var ready = fetch('config.json').then(function (r) { return r.ok ? r.json() : {}; }).then(function (c) {
    if (!c.loginDomain || !c.clientId) { return; }
    var back = window.location.origin + window.location.pathname;
    if ($('sso')) {
      $('sso-link').addEventListener('click', function (ev) {
        ev.preventDefault();
        startLogin(c, back).catch(function () { fail('Inloggen kon niet worden gestart. Probeer het opnieuw.'); });
      });
      $('sso').hidden = false;
      $('inlogformulier').hidden = true;
    }
    return finishLogin(c, back);
  }, function () {});

  window.KW = { api: api, token: token, say: say, fail: fail, clearFail: clearFail, el: el, TOKEN_KEY: TOKEN_KEY, ready: ready };

  if (!$('uploadformulier')) { return; }

  var me = null;
  var gemeente = new URLSearchParams(window.location.search).get('gemeente');
  var pollTimer = null;
  var awaiting = null; // tracking id of the upload whose processing we announce

  function showLoggedIn() {
    $('inloggen').hidden = true;
    $('sessie').hidden = false;
    $('documenten').hidden = false;
    if (me.rol === 'gemeente') {
      $('wie').textContent = 'U bent ingelogd voor gemeente ' + me.gemeenteNaam + ' (' + me.gemeente + ').';
      $('indienen').hidden = false;
      $('max-mb').textContent = Math.floor(me.maxBytes / 1048576);
    } else {
      $('wie').textContent = 'U bent ingelogd als beoordelaar van het ministerie.';
      $('werkvoorraad-link').hidden = false;
      if (!gemeente) { $('documenten').hidden = true; return; }
      $('documenten-kop').textContent = 'Dossier van ' + gemeente;
    }
    refresh();
  }

  function login(code) {
    sessionStorage.setItem(TOKEN_KEY, code);
    return api('GET', '/me').then(function (m) { me = m; clearFail(); showLoggedIn(); say('U bent ingelogd.'); },
      function (e) {
        sessionStorage.removeItem(TOKEN_KEY);
        fail(e.status === 401 ? 'Deze toegangscode is onbekend of verlopen. Controleer de code en probeer het opnieuw.' : e.message);
        $('toegangscode').focus();
      });
  }

  $('inlogformulier').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var code = $('toegangscode').value.trim();
    if (!code) { fail('Vul uw toegangscode in.'); $('toegangscode').focus(); return; }
    login(code);
  });
  $('uitloggen').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    window.location.reload();
  });

  function render(docs) {
    var body = $('documentenlijst');
    body.textContent = '';
    $('geen-documenten').hidden = docs.length > 0;
    $('documententabel').hidden = docs.length === 0;
    docs.forEach(function (d) {
      var tr = el('tr', null, { id: 'document-' + d.trackingId });
      var th = el('th', null, { scope: 'row' });
      th.appendChild(el('span', d.document));
      th.appendChild(el('br'));
      th.appendChild(el('span', 'volgnummer ' + d.trackingId));
      tr.appendChild(th);
      tr.appendChild(el('td', tijd(d.ontvangen)));
      var st = d.status === 'ontvangen' ? 'ontvangen, wordt verwerkt' : d.status;
      tr.appendChild(el('td', st, { 'class': 'documentstatus' }));
      tr.appendChild(el('td', d.kenmerk || '—'));
      var uit = el('td');
      if (d.status === 'onleesbaar') {
        uit.appendChild(el('p', 'Niet verwerkt: ' + (d.melding || 'het bestand kon niet worden gelezen.')));
      } else if (d.uitkomst) {
        uit.appendChild(el('p', 'Uitkomst: ' + d.uitkomst + (d.uitersteBeslisdatum ? '. Uiterste beslisdatum: ' + datum(d.uitersteBeslisdatum) + '.' : '.')));
        var ul = el('ul');
        d.onderdelen.forEach(function (o) {
          var granted = Number(o.verleend) > 0;
          var refused = Number(o.afgewezen) > 0;
          var verdict = granted && refused ? 'gedeeltelijk toegekend' : granted ? 'toegekend' : 'afgewezen';
          ul.appendChild(el('li', (o.naam || o.onderdeel) + (o.focusgebied ? ' (' + o.focusgebied + ')' : '') + ': ' + verdict +
            ' — aangevraagd ' + euro(o.aangevraagd) + ', te verlenen ' + euro(o.verleend) + (refused ? ', afgewezen ' + euro(o.afgewezen) : '')));
        });
        uit.appendChild(ul);
      } else {
        uit.textContent = '—';
      }
      tr.appendChild(uit);
      tr.appendChild(el('td', d.status === 'ontvangen' ? '—' :
        d.bevindingen + ' (' + d.afwijzingen + ' afwijzing' + (d.afwijzingen === 1 ? '' : 'en') + ', ' + d.waarschuwingen + ' waarschuwing' + (d.waarschuwingen === 1 ? '' : 'en') + ')'));
      var links = el('td');
      if (d.downloads.length) {
        var lu = el('ul');
        d.downloads.forEach(function (l) {
          var li = el('li');
          var a = el('a', l.naam, { href: l.url, download: d.trackingId + '-' + l.bestand });
          li.appendChild(a);
          lu.appendChild(li);
        });
        links.appendChild(lu);
      } else {
        links.textContent = '—';
      }
      tr.appendChild(links);
      body.appendChild(tr);
    });
  }

  function refresh() {
    var q = gemeente ? '?gemeente=' + encodeURIComponent(gemeente) : '';
    return api('GET', '/uploads' + q).then(function (answer) {
      var docs = answer.documenten;
      render(docs);
      if (awaiting) {
        var d = docs.filter(function (x) { return x.trackingId === awaiting; })[0];
        if (d) {
          $('bon-tijd').textContent = tijd(d.ontvangen);
          $('bon-status').textContent = d.status === 'ontvangen' ? 'ontvangen, wordt verwerkt' : d.status;
          if (d.status !== 'ontvangen') {
            say('Uw document ' + d.document + ' (volgnummer ' + d.trackingId + ') is verwerkt: ' +
              (d.status === 'onleesbaar' ? 'het kon niet worden gelezen.' : d.uitkomst + ', ' + d.bevindingen + ' bevinding(en). De stukken staan klaar in de tabel.'));
            awaiting = null;
          }
        }
      }
      schedule(docs.some(function (x) { return x.status === 'ontvangen'; }) ? 2000 : 15000);
    }, function (e) { fail(e.message); schedule(15000); });
  }
  function schedule(ms) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(refresh, ms);
  }

  function upload(file, ticket) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var lastAnnounced = -1;
      xhr.open(ticket.method, ticket.url);
      Object.keys(ticket.headers).forEach(function (h) { xhr.setRequestHeader(h, ticket.headers[h]); });
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) { return; }
        var pct = Math.round(e.loaded * 100 / e.total);
        $('voortgang').value = pct;
        $('voortgang').textContent = pct + ' %';
        // Announce in steps of a quarter, not every event: a screen reader would otherwise talk nonstop.
        var step = Math.floor(pct / 25);
        if (step !== lastAnnounced) { lastAnnounced = step; say('Uploaden: ' + pct + ' %'); }
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) { resolve(); } else {
          reject(new Error('De opslag weigerde het bestand (fout ' + xhr.status + '). Vraag een nieuwe upload aan door opnieuw op Indienen te drukken.'));
        }
      });
      xhr.addEventListener('error', function () { reject(new Error('Het uploaden is mislukt: de verbinding met de opslag werd verbroken. Probeer het opnieuw.')); });
      xhr.send(file);
    });
  }

  $('uploadformulier').addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearFail();
    var file = $('bestand').files[0];
    if (!file) { fail('Kies eerst een bestand.'); $('bestand').focus(); return; }
    if (!/\.(pdf|xlsx)$/i.test(file.name)) { fail('Kies een PDF- of Excel-bestand (.pdf of .xlsx).'); $('bestand').focus(); return; }
    if (file.size > me.maxBytes) { fail('Het bestand is groter dan ' + Math.floor(me.maxBytes / 1048576) + ' MB; dat is het maximum.'); $('bestand').focus(); return; }
    $('indienen-knop').disabled = true;
    $('voortgang-blok').hidden = false;
    $('voortgang').value = 0;
    $('bon').hidden = true;
    say('Uploaden van ' + file.name + ' begint.');
    api('POST', '/uploads', { name: file.name, size: file.size }).then(function (ticket) {
      return upload(file, ticket).then(function () {
        awaiting = ticket.trackingId;
        $('bon-volgnummer').textContent = ticket.trackingId;
        $('bon-document').textContent = ticket.document;
        $('bon-tijd').textContent = tijd(new Date().toISOString());
        $('bon-status').textContent = 'ontvangen, wordt verwerkt';
        $('bon').hidden = false;
        $('bon').focus();
        say('Uw document ' + ticket.document + ' is ontvangen met volgnummer ' + ticket.trackingId + '. Het wordt nu verwerkt.');
        $('uploadformulier').reset();
        return refresh();
      });
    }).catch(function (e) { fail(e.message); say(''); }).then(function () { $('indienen-knop').disabled = false; });
  });

  ready.then(function () {
    if (token()) {
      api('GET', '/me').then(function (m) { me = m; showLoggedIn(); }, function () { sessionStorage.removeItem(TOKEN_KEY); });
    }
  });
})();
