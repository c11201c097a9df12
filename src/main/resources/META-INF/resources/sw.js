// Bestplace service worker: keeps the pages a reviewer has opened, and the styles and scripts,
// so the ward pages and the audit's criteria (on each review form) open without a connection.
// Writes never go through the cache: reviews wait in the page's outbox (IndexedDB) instead.
// While a sign-out is owed to the server (outbox.js marks it), it shows only the signed-out page:
// the session cookie is HttpOnly, so until the server's answer expires it, the worker stands guard.
'use strict';
var CACHE = 'bestplace-v1';
var SHELL = ['/static/bestplace.css', '/static/review.js', '/static/outbox.js', '/static/register.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

/** The sign-out outbox.js recorded and the server has not had yet, or undefined. */
function pendingSignOut() {
  return new Promise(function (resolve) {
    var request = indexedDB.open('bestplace');
    request.onsuccess = function () {
      var db = request.result;
      if (!db.objectStoreNames.contains('signout')) { db.close(); resolve(undefined); return; }
      var get = db.transaction('signout', 'readonly').objectStore('signout').get('pending');
      get.onsuccess = function () { db.close(); resolve(get.result); };
      get.onerror = function () { db.close(); resolve(undefined); };
    };
    request.onerror = function () { resolve(undefined); };
  });
}

function forgetSignOut() {
  return new Promise(function (resolve) {
    var request = indexedDB.open('bestplace');
    request.onsuccess = function () {
      var db = request.result;
      var tx = db.transaction('signout', 'readwrite');
      tx.objectStore('signout').delete('pending');
      tx.oncomplete = function () { db.close(); resolve(); };
      tx.onerror = function () { db.close(); resolve(); };
    };
    request.onerror = function () { resolve(); };
  });
}

function signedOutPage() {
  return new Response('<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Signed out — Bestplace</title>'
    + '<link rel="stylesheet" href="/static/bestplace.css"></head><body>'
    + '<header class="top"><span class="brand">Bestplace</span></header>'
    + '<main id="main"><div id="signed-out-page"><h1>Signed out</h1>'
    + '<p>You are signed out on this tablet. There is no connection now, so the service will be told'
    + ' as soon as it returns; until then no page or review of yours opens here.</p>'
    + '<p><a class="button" href="/login">Sign in</a> (when the connection is back)</p></div></main>'
    + '<script src="/static/outbox.js"></script></body></html>',
    { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** A page asked for while a sign-out is owed: the server hears of it first, or the page waits. */
function guarded(request, url) {
  return fetch('/logout', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' }).then(function () {
    return forgetSignOut().then(function () {
      return url.pathname === '/login' ? fetch(request) : Response.redirect('/login', 303);
    });
  }, signedOutPage);
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api')
      || url.pathname === '/logout' || url.pathname.startsWith('/q/')) {
    return;
  }
  if (url.pathname === '/signed-out') {
    event.respondWith(signedOutPage());
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(pendingSignOut().then(function (pending) {
      return pending ? guarded(request, url) : networkFirst(request);
    }));
    return;
  }
  event.respondWith(networkFirst(request));
});

// Network first, so reviewers see today's list; the cached copy when the ward Wi-Fi drops.
function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (cached) {
      if (cached) { return cached; }
      return request.mode === 'navigate' ? notKeptPage(request)
        : new Response('', { status: 503, statusText: 'Offline' });
    });
  });
}

/** The ward page to go back to: the one the reviewer came from, else one of the audit's the tablet kept. */
function wardToGoBackTo(request) {
  var wardPage = /^\/audits\/(\d+)\/wards\/[^/]+$/;
  var referrer = request.referrer ? new URL(request.referrer) : null;
  if (referrer && referrer.origin === self.location.origin && wardPage.test(referrer.pathname)) {
    return Promise.resolve(referrer.pathname);
  }
  var audit = (new URL(request.url).pathname.match(/^\/audits\/(\d+)\//) || [])[1];
  return caches.open(CACHE).then(function (cache) { return cache.keys(); }).then(function (requests) {
    var kept = requests.map(function (r) { return new URL(r.url).pathname; }).filter(function (path) {
      var ward = path.match(wardPage);
      return ward && (!audit || ward[1] === audit);
    });
    return kept[0] || null;
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

/** A page the tablet never kept, asked for without a connection: says so and leads back to the ward. */
function notKeptPage(request) {
  return wardToGoBackTo(request).then(function (ward) {
    var back = ward ? '<p><a class="button" id="back-to-ward" href="' + escapeHtml(ward) + '">Back to the ward</a></p>'
      : '<p><a class="button" id="back-to-ward" href="/">Back to the start page</a></p>';
    return new Response('<!doctype html><html lang="en"><head><meta charset="utf-8">'
      + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Not on this tablet — Bestplace</title>'
      + '<link rel="stylesheet" href="/static/bestplace.css"></head><body>'
      + '<header class="top"><span class="brand">Bestplace</span></header>'
      + '<main id="main"><div id="offline-page"><h1>Not on this tablet while offline</h1>'
      + '<p class="notice-plain">There is no connection, and this page was not opened on this tablet before the'
      + ' connection dropped, so it cannot be shown now.</p>'
      + '<p>Forms you opened earlier still work: what you save waits in the outbox and is sent when the'
      + ' connection returns. Patients you register now can be reviewed from the ward page.</p>'
      + back + '</div></main></body></html>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  });
}
