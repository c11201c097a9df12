// The outbox: reviews wait here, on this device, until the server has them. Each keeps the UUID
// the tablet made, and is sent with an idempotent PUT, so a retry can never store it twice.
// Registrations wait here too, under the id the tablet made for them (the same registration sent
// twice is one case), and a review of a patient registered offline waits behind its registration,
// then goes with the case id the server gave. A refusal (any 4xx but a lapsed session) stays in the
// outbox, marked, with the server's message, until its author opens it to correct and resend it, or
// discards it. A registration's local identifier lives here only until the registration is sent.
// Tablets are shared: each item keeps its author and is sent only while that person is signed in
// (and says so to the server), so it can never be stored under whoever holds the tablet next.
(function () {
  'use strict';
  var DB = 'bestplace';
  var STORE = 'outbox';
  var SIGNOUT = 'signout';
  var CASES = 'cases';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 3);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(STORE)) { db.createObjectStore(STORE, { keyPath: 'reviewId' }); }
        // A sign-out the server has not heard of yet (see sw.js): the tablet acts signed out meanwhile.
        if (!db.objectStoreNames.contains(SIGNOUT)) { db.createObjectStore(SIGNOUT, { keyPath: 'id' }); }
        // Patients registered on this tablet and not yet sent, by the id the tablet made.
        if (!db.objectStoreNames.contains(CASES)) { db.createObjectStore(CASES, { keyPath: 'clientId' }); }
      };
      request.onsuccess = function () {
        var db = request.result;
        // A newer page that needs a newer store layout must not wait for this one to close.
        db.onversionchange = function () { db.close(); };
        resolve(db);
      };
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
  function cases() { return run('readonly', function (store) { return store.getAll(); }, CASES); }
  function own(item) {
    if (!item.author) {
      // A new item belongs to whoever is signed in while it is written.
      item.author = me().username;
      item.authorName = me().name;
    }
    return item;
  }
  function save(item) { return run('readwrite', function (store) { store.put(own(item)); }); }
  function remove(id) { return run('readwrite', function (store) { store.delete(id); }); }
  function saveCase(item) { return run('readwrite', function (store) { store.put(own(item)); }, CASES); }
  function removeCase(id) { return run('readwrite', function (store) { store.delete(id); }, CASES); }

  /** A UUID made on this tablet, for a registration or a review the server has not seen. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
      + '-' + h.substring(20);
  }

  /** Where an item's author opens it again: its form, filled with what they wrote. */
  function openAt(item) {
    if (item.clientId) { return item.wardPath + '#outbox-case=' + item.clientId; }
    if (item.afterCase) { return item.wardPath + '/new-case-review#case=' + item.afterCase; }
    var audit = item.auditId || (item.url.split('/')[2]);
    return '/audits/' + audit + '/cases/' + item.body.caseId + '/review?date=' + item.body.reviewDate;
  }

  function describe(item) {
    return item.clientId ? 'New patient (' + item.body.specialty + ', ' + item.body.ageBand + ', '
      + item.body.ward + ')' : 'Case ' + item.caseNumber + ' (' + item.body.reviewDate + ')';
  }

  function discard(item) {
    var what = item.clientId ? 'the registration of this new patient, and any review of them kept here,'
      : 'your review of case ' + item.caseNumber;
    if (!window.confirm('Discard ' + what + '? What you wrote is deleted from this tablet and is not sent.')) {
      return Promise.resolve(false);
    }
    var gone = !item.clientId ? remove(item.reviewId) : all().then(function (reviews) {
      // A review of a patient who will not be registered could never be sent.
      return Promise.all(reviews.filter(function (r) { return r.afterCase === item.clientId; })
        .map(function (r) { return remove(r.reviewId); }));
    }).then(function () { return removeCase(item.clientId); });
    return gone.then(render).then(function () { return true; });
  }

  function render() {
    var panel = document.getElementById('outbox');
    if (!panel) { return Promise.resolve(); }
    return Promise.all([cases(), all()]).then(function (both) {
      var items = both[0].concat(both[1]);
      panel.hidden = items.length === 0;
      document.getElementById('outbox-count').textContent = String(items.length);
      var list = document.getElementById('outbox-items');
      list.textContent = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        var theirs = !mine(item);
        li.dataset.state = theirs ? 'other-author' : item.state;
        li.appendChild(document.createTextNode(describe(item) + ': '
          + (theirs ? waitingFor(item)
            : item.state === 'refused' ? 'refused, needs you: ' + item.message
            : item.afterCase ? 'waiting for the patient\'s registration to be sent'
            : item.state === 'sending' ? 'sending' : 'waiting for the connection')));
        if (!theirs) {
          li.appendChild(document.createTextNode(' '));
          var open = document.createElement('a');
          open.href = openAt(item);
          open.className = 'outbox-open';
          open.textContent = item.state === 'refused' ? 'Open and correct' : 'Open';
          li.appendChild(open);
          if (item.state === 'refused') {
            li.appendChild(document.createTextNode(' '));
            var drop = document.createElement('button');
            drop.type = 'button';
            drop.className = 'secondary outbox-discard';
            drop.textContent = 'Discard';
            drop.addEventListener('click', function () { discard(item); });
            li.appendChild(drop);
          }
        }
        list.appendChild(li);
      });
      document.dispatchEvent(new CustomEvent('bestplace-outbox'));
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

  /**
   * A refusal the author must act on: any 4xx but a lapsed session (401), a timeout (408) or a
   * busy server (429), which a later send may get past.
   */
  function refusal(status) { return status >= 400 && status < 500 && [401, 408, 429].indexOf(status) < 0; }

  /** The server's message in the form's words: a checked body's message can start with its field's path. */
  function words(problem, fallback) {
    var message = problem.detail || problem.title || fallback;
    if (problem.field && message.indexOf(problem.field + ': ') === 0) {
      message = message.substring(problem.field.length + 2);
    }
    // Ids are not the page's words: the case number in the message names the case.
    return message.replace(/ \(id \d+\)/, '');
  }

  /** Sends one item (a review or a registration) with the signed-in session, then files the answer. */
  function deliver(item, url, method, body, keep, sent) {
    if (!mine(item)) {
      // Someone else's: it waits for its author, whatever the connection.
      return Promise.resolve({ ok: false, notMine: true });
    }
    return fetch(url, {
      method: method, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return response.json().then(sent).then(function () { return { ok: true }; });
      }
      if (refusal(response.status)) {
        return response.json().catch(function () { return {}; }).then(function (problem) {
          item.state = 'refused';
          item.message = words(problem, 'The service refused this (' + response.status + ').');
          item.field = problem.field || null;
          return keep(item).then(function () { return { ok: false, problem: problem, message: item.message }; });
        });
      }
      item.state = 'waiting';
      item.message = response.type === 'opaqueredirect' ? 'Sign in again to send it.' : 'Not sent yet.';
      return keep(item).then(function () { return { ok: false }; });
    }, function () {
      item.state = 'waiting';
      return keep(item).then(function () { return { ok: false, offline: true }; });
    });
  }

  function send(item) {
    if (item.afterCase) {
      // A review of a patient registered on this tablet goes once the registration has its case.
      return Promise.resolve({ ok: false, waitingForCase: true });
    }
    return deliver(item, item.url, 'PUT', Object.assign({}, item.body, { author: item.author }), save,
      function () { return remove(item.reviewId); });
  }

  /**
   * Sends a registration; once the server has the case, the reviews written for the new patient
   * take its id and number, and the registration (with its local identifier) leaves the tablet.
   */
  function sendCase(item) {
    return deliver(item, item.url, 'POST', { author: item.author, registration: item.body }, saveCase,
      function (registered) {
        item.caseId = registered.id;
        item.caseNumber = registered.caseNumber;
        return all().then(function (reviews) {
          return Promise.all(reviews.filter(function (r) { return r.afterCase === item.clientId; })
            .map(function (r) {
              delete r.afterCase;
              r.body.caseId = registered.id;
              r.caseNumber = registered.caseNumber;
              return save(r);
            }));
        }).then(function () { return removeCase(item.clientId); }).then(function () {
          document.dispatchEvent(new CustomEvent('bestplace-registered', { detail: { caseNumber: registered.caseNumber } }));
        });
      }).then(function (result) {
        if (result.ok) { result.caseNumber = item.caseNumber; result.caseId = item.caseId; }
        return result;
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
    function ready(i) { return i.state !== 'refused' && mine(i); }
    // Registrations first: a review of a new patient needs the case id the registration brings back.
    return cases().then(function (items) {
      return items.filter(ready).reduce(function (chain, item) {
        return chain.then(function () { return sendCase(item); });
      }, Promise.resolve());
    }).then(all).then(function (items) {
      return items.filter(ready)
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

  window.BestplaceOutbox = { all: all, save: save, send: send, flush: flush, render: render, signOut: signOut,
    cases: cases, saveCase: saveCase, sendCase: sendCase, discard: discard, uuid: uuid, me: me, mine: mine,
    words: words };

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
        Promise.all([all(), cases()]).then(function (both) {
          var own = both[0].concat(both[1]).filter(mine).length;
          if (own > 0 && !window.confirm(own + ' of your reviews or registrations have not reached the server yet. They stay on this'
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
