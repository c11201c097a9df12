// The outbox: reviews wait here, on this device, until the server has them. Each keeps the UUID
// the tablet made, and is sent with an idempotent PUT, so a retry can never store it twice.
// A refusal (400 or 409) stays in the outbox with the server's message until the reviewer acts.
// Tablets are shared: each item keeps its author and is sent only while that person is signed in
// (and says so to the server), so it can never be stored under whoever holds the tablet next.
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

  /** Who this page was rendered for, as the layout says; an empty username when nobody is signed in. */
  function me() {
    var meta = document.querySelector('meta[name="bestplace-user"]');
    return { username: meta ? meta.content : '', name: meta ? meta.dataset.displayName || meta.content : '' };
  }

  function mine(item) { return !!item.author && item.author === me().username; }

  function all() { return run('readonly', function (store) { return store.getAll(); }); }
  function save(item) {
    if (!item.author) {
      // A new item belongs to whoever is signed in while it is written.
      item.author = me().username;
      item.authorName = me().name;
    }
    return run('readwrite', function (store) { store.put(item); });
  }
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
        var theirs = !mine(item);
        li.dataset.state = theirs ? 'other-author' : item.state;
        li.textContent = 'Case ' + item.caseNumber + ' (' + item.body.reviewDate + '): '
          + (theirs ? waitingFor(item)
            : item.state === 'refused' ? 'needs you: ' + item.message
            : item.state === 'sending' ? 'sending' : 'waiting for the connection');
        list.appendChild(li);
      });
    });
  }

  function waitingFor(item) {
    if (!item.author) { return 'kept without its author\'s name, so it is not sent from this tablet'; }
    var name = item.authorName && item.authorName !== item.author ? item.authorName + ' (' + item.author + ')'
      : item.author;
    return 'waiting for ' + name + ' to sign in';
  }

  // The anti-forgery token of this browser, which the service writes into every page.
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function send(item) {
    if (!mine(item)) {
      // Someone else's review: it waits for its author, whatever the connection.
      return Promise.resolve({ ok: false, notMine: true });
    }
    var body = Object.assign({}, item.body, { author: item.author });
    return fetch(item.url, {
      method: 'PUT', credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body)
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

  function settled(value) {
    var panel = document.getElementById('outbox');
    if (panel) { panel.dataset.settled = String(value); }
  }

  /**
   * Sends what the signed-in person wrote and is waiting; refused items stay until their author
   * changes them, and other people's wait for them.
   */
  function flush() {
    settled(false);
    return all().then(function (items) {
      return items.filter(function (i) { return i.state !== 'refused' && mine(i); })
        .reduce(function (chain, item) { return chain.then(function () { return send(item); }); },
          Promise.resolve());
    }).then(render).then(function () { settled(true); });
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
    render().then(function () { return navigator.onLine ? flush() : settled(true); });
  });
}());
