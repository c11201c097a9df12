// Bestplace service worker: keeps the pages a reviewer has opened, and the styles and scripts,
// so the ward pages and the audit's criteria (on each review form) open without a connection.
// Writes never go through the cache: reviews wait in the page's outbox (IndexedDB) instead.
'use strict';
var CACHE = 'bestplace-v1';
var SHELL = ['/static/bestplace.css', '/static/review.js', '/static/outbox.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api')
      || url.pathname === '/logout' || url.pathname.startsWith('/q/')) {
    return;
  }
  // Network first, so reviewers see today's list; the cached copy when the ward Wi-Fi drops.
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (cached) {
      return cached || new Response('<!doctype html><title>Offline</title><p>You are offline and this page'
        + ' was not opened before on this device.</p>', { status: 503, headers: { 'Content-Type': 'text/html' } });
    });
  }));
});
