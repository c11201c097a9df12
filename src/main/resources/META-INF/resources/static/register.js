// Registering a patient through the outbox: the registration is kept on the tablet under an id the
// tablet makes, then sent, so a dropped connection loses nothing and a second send makes no second
// case. While it waits, the new patient is listed on the ward page and can be reviewed at once, on
// the blank review form the tablet keeps for new patients. Without the outbox the form posts as is.
(function () {
  'use strict';
  var form = document.getElementById('registration-form');
  var outbox = window.BestplaceOutbox;
  if (!form || !outbox || !window.indexedDB) { return; }
  var CACHE = 'bestplace-v1';
  var FIELDS = ['specialty', 'specialtyNote', 'ageBand', 'sex', 'admissionDate', 'localId'];
  var wardPath = form.dataset.wardPath;
  var newCaseForm = wardPath + '/new-case-review';
  var status = document.getElementById('registration-status');
  var pending = document.getElementById('pending-cases');
  /** The id of the kept registration now in the form, being corrected; null for a new patient. */
  var reopened = null;

  /** Keeps the blank review form for new patients, so one registered offline can be reviewed offline. */
  function keepBlankForm() {
    var done = function () { pending.dataset.kept = 'true'; };
    if (!navigator.onLine || !window.caches) { done(); return; }
    fetch(newCaseForm, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok || response.redirected) { return null; }
      return caches.open(CACHE).then(function (cache) { return cache.put(newCaseForm, response); });
    }).catch(function () { return null; }).then(done);
  }

  function onThisWard(item) { return outbox.mine(item) && item.wardPath === wardPath; }

  function renderPending() {
    return outbox.cases().then(function (items) {
      var own = items.filter(onThisWard);
      if (reopened && !items.some(function (c) { return c.clientId === reopened; })) { reopened = null; }
      var list = document.getElementById('pending-case-items');
      pending.hidden = own.length === 0;
      list.textContent = '';
      own.forEach(function (item) {
        var body = item.body;
        var li = document.createElement('li');
        li.dataset.state = item.state;
        li.dataset.clientCase = item.clientId;
        li.appendChild(document.createTextNode('New patient: ' + body.specialty + ', age ' + body.ageBand + ', '
          + String(body.sex || '').toLowerCase() + ', admitted ' + body.admissionDate + ' · '
          + (item.state === 'refused' ? 'refused, needs you: ' + item.message : 'waiting for the connection')
          + ' '));
        var link = document.createElement('a');
        link.className = 'button';
        if (item.state === 'refused') {
          link.href = '#outbox-case=' + item.clientId;
          link.textContent = 'Open and correct';
        } else {
          link.href = newCaseForm + '#case=' + item.clientId;
          link.textContent = 'Review';
          var hidden = document.createElement('span');
          hidden.className = 'visually-hidden';
          hidden.textContent = ' the new patient (' + body.specialty + ')';
          link.appendChild(hidden);
        }
        li.appendChild(link);
        list.appendChild(li);
      });
    });
  }

  function clearProblem() {
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    });
    form.querySelectorAll('p.error').forEach(function (p) { p.remove(); });
    var summary = document.getElementById('registration-errors');
    if (summary) { summary.remove(); }
  }

  /** The refusal beside its field and by the button, in the form's words, the field focused. */
  function showProblem(message, field) {
    clearProblem();
    message = String(message).replace(/ \(id \d+\)/, '');
    var input = field ? form.querySelector('[name="' + field + '"]') : null;
    var label = input ? form.querySelector('label[for="' + input.id + '"]') : null;
    if (input) {
      var near = document.createElement('p');
      near.className = 'error';
      near.id = input.id + '-error';
      near.textContent = message;
      input.insertAdjacentElement('afterend', near);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', near.id);
    }
    var summary = document.createElement('div');
    summary.id = 'registration-errors';
    summary.className = 'error-summary';
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    var line = document.createElement('p');
    line.appendChild(document.createTextNode('Not registered: '));
    if (label) {
      var link = document.createElement('a');
      link.href = '#' + input.id;
      // The label's first words: the local identifier's label carries an explanation in brackets.
      link.textContent = label.dataset.summary || label.textContent.replace(/\s*\(.*$/, '').trim();
      line.appendChild(link);
      line.appendChild(document.createTextNode(': '));
    }
    line.appendChild(document.createTextNode(message));
    summary.appendChild(line);
    status.parentNode.insertBefore(summary, status);
    (input || summary).focus();
    (input || summary).scrollIntoView({ block: 'center' });
  }

  /**
   * An admission more than a year before today asks the reviewer to confirm it, before anything is
   * sent: the same rule the service applies, so it also holds offline.
   */
  function askConfirmation() {
    var box = document.getElementById('admission-confirm');
    var date = form.querySelector('[name="admissionDate"]');
    var today = form.dataset.today;
    if (!box || !date || !today) { return; }
    var yearBefore = (Number(today.slice(0, 4)) - 1) + today.slice(4);
    if (date.value && date.value < yearBefore) { box.hidden = false; }
  }
  var admission = form.querySelector('[name="admissionDate"]');
  if (admission) { admission.addEventListener('change', askConfirmation); }

  /** A kept registration back in the form, for its author to correct and send again. */
  function openKept() {
    var match = location.hash.match(/^#outbox-case=([0-9a-f-]{36})$/);
    if (!match) { return Promise.resolve(); }
    return outbox.cases().then(function (items) {
      var item = items.filter(function (c) { return c.clientId === match[1] && outbox.mine(c); })[0];
      if (!item) { return; }
      reopened = item.clientId;
      FIELDS.forEach(function (name) {
        var field = form.querySelector('[name="' + name + '"]');
        if (field) { field.value = item.body[name] || ''; }
      });
      var confirmed = form.querySelector('[name="admissionConfirmed"]');
      if (confirmed) { confirmed.checked = !!item.body.admissionConfirmed; }
      askConfirmation();
      status.textContent = item.state === 'refused'
        ? 'Opened from the outbox: the service refused this registration. Correct it and register again, or'
          + ' discard it from the outbox.'
        : 'Opened from the outbox: kept on this tablet, not sent yet.';
      if (item.state === 'refused') { showProblem(item.message, item.field); }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    // The notice of the previous registration or review is not about this one.
    document.querySelectorAll('main .notice').forEach(function (notice) { notice.remove(); });
    clearProblem();
    status.textContent = 'Sending…';
    var data = new FormData(form);
    var clientId = reopened || outbox.uuid();
    var body = { ward: form.dataset.ward, clientId: clientId };
    FIELDS.forEach(function (name) {
      var value = data.get(name);
      body[name] = value === null || value === '' ? null : value;
    });
    body.admissionConfirmed = data.get('admissionConfirmed') !== null;
    var item = {
      clientId: clientId, auditId: form.dataset.audit, wardPath: wardPath,
      url: '/audits/' + form.dataset.audit + '/cases', state: 'waiting', body: body
    };
    outbox.saveCase(item).then(function () { return outbox.sendCase(item); }).then(function (sent) {
      if (sent.ok) {
        window.location.href = wardPath + '?registered=' + encodeURIComponent(sent.caseNumber);
        return;
      }
      if (sent.problem) {
        reopened = clientId;
        showProblem(sent.message, sent.problem.field);
      } else {
        clearProblem();
        form.reset();
        reopened = null;
        status.textContent = 'Kept on this tablet: the patient is registered when the connection returns.'
          + ' You can review them now, from the list above.';
        if (history.replaceState && location.hash) { history.replaceState(null, '', location.pathname + location.search); }
      }
      return outbox.render();
    });
  });

  // A patient kept earlier has reached the server: once the outbox is drawn again, the ward list is
  // reloaded to show the new case, unless the reviewer is typing another registration.
  var registered = null;
  document.addEventListener('bestplace-registered', function (event) { registered = event.detail.caseNumber; });
  document.addEventListener('bestplace-outbox', function () {
    renderPending();
    if (!registered) { return; }
    var blank = FIELDS.every(function (name) {
      var field = form.querySelector('[name="' + name + '"]');
      return !field || !field.value;
    });
    if (blank) {
      window.location.href = wardPath + '?registered=' + encodeURIComponent(registered);
    } else {
      status.textContent = 'A patient kept on this tablet is now registered as case ' + registered + '.';
    }
    registered = null;
  });
  window.addEventListener('hashchange', openKept);
  renderPending().then(openKept);
  keepBlankForm();
}());
