// The outbox: reviews wait here, on this device, until the server has them. Each keeps the UUID
// the tablet made, and is sent with an idempotent PUT, so a retry can never store it twice.
// A refusal (400 or 409) stays in the outbox with the server's message until the reviewer acts.
// Tablets are shared: each item keeps its author and is sent only while that person is signed in
// (and says so to the server), so it can never be stored under whoever holds the tablet next.
(function () {
  'use strict';
  var DB = 'bestplace';
  var STORE = 'outbox';
  var SIGNOUT = 'signout';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 2);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(STORE)) { db.createObjectStore(STORE, { keyPath: 'reviewId' }); }
        // A sign-out the server has not heard of yet (see sw.js): the tablet acts signed out meanwhile.
        if (!db.objectStoreNames.contains(SIGNOUT)) { db.createObjectStore(SIGNOUT, { keyPath: 'id' }); }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work, storeName) {
    var name = storeName || STORE;
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
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

  /** Drops every kept page (they hold case data); the styles and scripts stay for the offline pages. */
  function clearCaches() {
    return window.caches ? caches.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) {
        return caches.open(key).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (r) { return new URL(r.url).pathname.indexOf('/static/') !== 0; })
              .map(function (r) { return cache.delete(r); }));
          });
        });
      }));
    }) : Promise.resolve();
  }

  function pendingSignOut() {
    return run('readonly', function (store) { return store.get('pending'); }, SIGNOUT);
  }

  /**
   * Ends the session at the server; its answer expires the HttpOnly cookie, which no script can
   * touch. Resolves true once the server has it, false while there is no connection.
   */
  function signOutAtServer() {
    return fetch('/logout', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
      .then(function () {
        return run('readwrite', function (store) { store.delete('pending'); }, SIGNOUT).then(function () { return true; });
      }, function () { return false; });
  }

  /**
   * Signing out marks the tablet signed out at once (pages and the outbox respect the mark, and the
   * service worker shows only the signed-out page), drops the kept pages, then tells the server,
   * now or when the connection returns. The person's unsent reviews stay, kept under their name.
   */
  function signOut() {
    return run('readwrite', function (store) {
      store.put({ id: 'pending', username: me().username });
    }, SIGNOUT).then(clearCaches).then(signOutAtServer).then(function (done) {
      window.location.href = done ? '/login' : '/signed-out';
    });
  }

  window.BestplaceOutbox = { all: all, save: save, send: send, flush: flush, render: render, signOut: signOut };

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js');
  }
  /** A sign-out still owed to the server goes first; nothing is sent in that session meanwhile. */
  function settleSignOut() {
    return pendingSignOut().then(function (pending) {
      if (!pending) { return false; }
      return signOutAtServer().then(function (done) {
        if (!document.getElementById('signed-out-page')) { window.location.href = done ? '/login' : '/signed-out'; }
        return true;
      });
    });
  }

  function whenSignedIn(work) {
    return settleSignOut().then(function (signedOut) { return signedOut ? null : work(); });
  }

  window.addEventListener('online', function () { whenSignedIn(flush); });
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('outbox-send');
    if (button) { button.addEventListener('click', function () { whenSignedIn(flush); }); }
    var signOutLink = document.getElementById('sign-out');
    if (signOutLink) {
      signOutLink.addEventListener('click', function (event) {
        event.preventDefault();
        all().then(function (items) {
          var own = items.filter(mine).length;
          if (own > 0 && !window.confirm(own + ' of your reviews have not reached the server yet. They stay on this'
              + ' tablet under your name and are sent the next time you sign in here. Sign out?')) {
            return;
          }
          return signOut();
        });
      });
    }
    whenSignedIn(function () {
      return render().then(function () { return navigator.onLine ? flush() : settled(true); });
    });
  });
}());
