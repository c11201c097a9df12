// The outbox: reviews wait here, on this device, until the server has them. Each keeps the UUID
// the tablet made, and is sent with an idempotent PUT, so a retry can never store it twice.
// A refusal (400 or 409) stays in the outbox with the server's message until the reviewer acts.
(function () {
  'use strict';
  var DB = 'bestplace';
  var STORE = 'outbox';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'reviewId' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function all() { return run('readonly', function (store) { return store.getAll(); }); }
  function save(item) { return run('readwrite', function (store) { store.put(item); }); }
  function remove(id) { return run('readwrite', function (store) { store.delete(id); }); }

  function render() {
    var panel = document.getElementById('outbox');
    if (!panel) { return Promise.resolve(); }
    return all().then(function (items) {
      panel.hidden = items.length === 0;
      document.getElementById('outbox-count').textContent = String(items.length);
      var list = document.getElementById('outbox-items');
      list.textContent = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        li.dataset.state = item.state;
        li.textContent = 'Case ' + item.caseNumber + ' (' + item.body.reviewDate + '): '
          + (item.state === 'refused' ? 'needs you: ' + item.message
            : item.state === 'sending' ? 'sending' : 'waiting for the connection');
        list.appendChild(li);
      });
    });
  }

  // The anti-forgery token of this browser, which the service writes into every page.
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function send(item) {
    return fetch(item.url, {
      method: 'PUT', credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(item.body)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return remove(item.reviewId).then(function () { return { ok: true }; });
      }
      if (response.status === 400 || response.status === 409) {
        return response.json().then(function (problem) {
          item.state = 'refused';
          item.message = problem.detail || 'The server refused this review.';
          item.field = problem.field || null;
          return save(item).then(function () { return { ok: false, problem: problem }; });
        });
      }
      item.state = 'waiting';
      item.message = response.type === 'opaqueredirect' ? 'Sign in again to send it.' : 'Not sent yet.';
      return save(item).then(function () { return { ok: false }; });
    }, function () {
      item.state = 'waiting';
      return save(item).then(function () { return { ok: false, offline: true }; });
    });
  }

  /** Sends everything that is waiting; refused items stay until the reviewer changes them. */
  function flush() {
    return all().then(function (items) {
      return items.filter(function (i) { return i.state !== 'refused'; })
        .reduce(function (chain, item) { return chain.then(function () { return send(item); }); },
          Promise.resolve());
    }).then(render);
  }

  function clear() {
    return run('readwrite', function (store) { store.clear(); }).then(function () {
      return window.caches ? caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) { return caches.delete(k); }));
      }) : null;
    });
  }

  window.BestplaceOutbox = { all: all, save: save, send: send, flush: flush, render: render, clear: clear };

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js');
  }
  window.addEventListener('online', flush);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('outbox-send');
    if (button) { button.addEventListener('click', flush); }
    var signOut = document.getElementById('sign-out');
    if (signOut) {
      signOut.addEventListener('click', function (event) {
        event.preventDefault();
        all().then(function (items) {
          if (items.length > 0 && !window.confirm(items.length + ' review(s) are still in the outbox on this'
              + ' tablet and will be lost if you sign out. Sign out anyway?')) {
            return;
          }
          return clear().then(function () { window.location.href = signOut.href; });
        });
      });
    }
    render().then(function () { if (navigator.onLine) { flush(); } });
  });
}());
