// The review form's live outcome: the server recomputes and decides; this only shows the
// reviewer, as they tick, what the criteria will give. Without JavaScript the form works the same.
(function () {
  'use strict';
  // The ward's review form, or a training form that shares its answer part.
  var form = document.getElementById('review-form') || document.getElementById('training-form')
    || document.getElementById('training-case-form');
  if (!form) { return; }
  var outcome = document.getElementById('live-outcome');
  var section = document.getElementById('not-qualifying');
  var override = document.getElementById('overrideOutcome');
  var note = document.getElementById('note');
  var count = document.getElementById('note-count');

  function derive() {
    if (override.value) { return override.value; }
    return form.querySelector('input[name="criteriaMet"]:checked') ? 'QUALIFIES' : 'DOES_NOT_QUALIFY';
  }

  function update() {
    var result = derive();
    outcome.textContent = result === 'QUALIFIES' ? 'Qualifies' : 'Does not qualify';
    outcome.dataset.outcome = result;
    section.hidden = result !== 'DOES_NOT_QUALIFY';
  }

  function countNote() {
    if (!note || !count) { return; }
    count.textContent = note.value.length + ' of 2,000 characters. No names or numbers that identify the patient.';
  }

  function showProblem(problem) {
    var message = problem.detail || 'The server refused this review.';
    // A checked body's message starts with its field's path; the summary names the field by its label.
    if (problem.field && message.indexOf(problem.field + ': ') === 0) {
      message = message.substring(problem.field.length + 2);
    }
    if (problem.field === 'caseId' || problem.field === 'reviewDate' || problem.field === 'reviewId') {
      // Not a field of this form: the message goes above it and in the summary, naming no field.
      problem = { detail: message };
    }
    var top = document.getElementById('form-error');
    if (!top) {
      top = document.createElement('p');
      top.id = 'form-error';
      top.className = 'error';
      top.setAttribute('role', 'alert');
      form.parentNode.insertBefore(top, form);
    }
    top.textContent = message;
    // The API names the override's parts by their path; the form's fields by their own names.
    var name = { 'override.reason': 'overrideReason', 'override.outcome': 'overrideOutcome' }[problem.field]
      || problem.field;
    var input = name ? form.querySelector('[name="' + name + '"]') : null;
    if (input) {
      var holder = input.closest('fieldset') || input.parentNode;
      var near = document.getElementById(problem.field + '-error');
      if (!near) {
        near = document.createElement('p');
        near.id = problem.field + '-error';
        near.className = 'error';
        holder.insertBefore(near, holder.children[1] || null);
      }
      near.textContent = message;
    }
    summarise(input, message);
  }

  // The same summary the server renders after a plain post: by the buttons, naming the field by
  // its label, with the field itself focused and scrolled to.
  function summarise(input, message) {
    var summary = document.getElementById('error-summary');
    if (!summary) {
      summary = document.createElement('div');
      summary.id = 'error-summary';
      summary.className = 'error-summary';
      summary.setAttribute('role', 'alert');
      summary.tabIndex = -1;
      var actions = form.querySelector('.actions');
      actions.parentNode.insertBefore(summary, actions);
    }
    var label = input && (form.querySelector('label[for="' + input.id + '"]')
      || (input.closest('fieldset') && input.closest('fieldset').querySelector('legend')));
    summary.textContent = '';
    var line = document.createElement('p');
    line.appendChild(document.createTextNode('Not saved: '));
    if (label) {
      var link = document.createElement('a');
      link.href = '#' + input.id;
      link.textContent = label.textContent.trim();
      line.appendChild(link);
      line.appendChild(document.createTextNode(': '));
    }
    line.appendChild(document.createTextNode(message));
    summary.appendChild(line);
    (input || summary).focus();
    (input || summary).scrollIntoView({ block: 'center' });
  }

  // A patient registered on this tablet and not yet sent has no case id: the form is the tablet's
  // kept blank one, and the registration's id (after #case=) says which patient it is for.
  var pendingCase = !form.dataset.case ? (location.hash.match(/^#case=([0-9a-f-]{36})$/) || [])[1] || null : null;

  function sameDay(item) {
    var day = form.querySelector('input[name="reviewDate"]').value;
    return window.BestplaceOutbox.mine(item) && item.body.reviewDate === day
      && (pendingCase ? item.afterCase === pendingCase : !item.afterCase && item.body.caseId === form.dataset.case);
  }

  function tick(name, values) {
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      box.checked = values.indexOf(box.value) >= 0;
    });
  }

  /** Puts what the reviewer wrote, kept in the outbox, back into the form, under the same review id. */
  function reopen(item) {
    var body = item.body;
    form.querySelector('input[name="reviewId"]').value = item.reviewId;
    tick('criteriaMet', body.criteriaMet || []);
    override.value = body.override ? body.override.outcome : '';
    document.getElementById('overrideReason').value = body.override ? body.override.reason || '' : '';
    tick('alternative', body.alternative ? [body.alternative] : []);
    tick('reasons', body.reasons || []);
    note.value = body.note || '';
    document.getElementById('flagged').checked = !!body.flagged;
    var change = document.getElementById('changeReason');
    if (change) { change.value = body.changeReason || ''; }
    update();
    countNote();
    var status = document.getElementById('outbox-status');
    if (item.state === 'refused') {
      status.textContent = 'Opened from the outbox: the service refused it. Correct it and send it again, or'
        + ' discard it from the outbox.';
      showProblem({ detail: item.message, field: item.field });
    } else {
      status.textContent = 'Opened from the outbox: kept on this tablet, not sent yet.';
    }
  }

  /** The new patient's details, from their registration in the outbox. */
  function describePending() {
    if (!form.dataset.case && !pendingCase) {
      document.getElementById('patient-facts').textContent = 'Open a new patient from the ward page to review them.';
      return Promise.resolve(false);
    }
    if (!pendingCase) { return Promise.resolve(true); }
    return window.BestplaceOutbox.cases().then(function (items) {
      var registration = items.filter(function (c) { return c.clientId === pendingCase; })[0];
      var facts = document.getElementById('patient-facts');
      var heading = document.querySelector('h1');
      if (!registration) {
        heading.textContent = 'Review a new patient';
        facts.textContent = 'This patient\'s registration is no longer on this tablet: open the patient from the'
          + ' ward page.';
        return false;
      }
      var body = registration.body;
      var day = form.querySelector('input[name="reviewDate"]').value;
      var stay = Math.round((Date.parse(day) - Date.parse(body.admissionDate)) / 86400000);
      heading.textContent = 'Review a new patient (registered on this tablet, not sent yet)';
      facts.textContent = 'Age ' + body.ageBand + ' · ' + body.sex.toLowerCase() + ' · ' + body.specialty
        + (isNaN(stay) ? '' : ' · day ' + stay + ' of stay (the admission day is day 0)');
      return true;
    });
  }

  function whenOpened() {
    if (form.id !== 'review-form' || !window.BestplaceOutbox || !window.indexedDB) { return; }
    describePending().then(function (known) {
      if (!known) {
        // A blank form for no patient the tablet knows: nothing written here could be sent.
        form.querySelectorAll('button[type="submit"]').forEach(function (button) { button.disabled = true; });
      }
      return window.BestplaceOutbox.all();
    }).then(function (items) {
      var kept = items.filter(sameDay)[0];
      if (kept) {
        reopen(kept);
      } else if (pendingCase) {
        // The kept blank form is shared by every new patient: each review gets its own id.
        form.querySelector('input[name="reviewId"]').value = window.BestplaceOutbox.uuid();
      }
    }).then(function () { form.dataset.opened = 'true'; });
  }

  // With the outbox available, a review is kept on the tablet first and then sent, so a dropped
  // connection loses nothing; without it the form posts as a plain HTML form.
  form.addEventListener('submit', function (event) {
    if (form.id !== 'review-form' || !window.BestplaceOutbox || !window.indexedDB) { return; }
    event.preventDefault();
    var action = event.submitter ? event.submitter.value : 'submit';
    var data = new FormData(form);
    var result = derive();
    var notQualifying = result === 'DOES_NOT_QUALIFY';
    var reviewId = data.get('reviewId');
    var item = {
      reviewId: reviewId,
      auditId: form.dataset.audit,
      url: '/audits/' + form.dataset.audit + '/reviews/' + reviewId,
      caseNumber: form.dataset.caseNumber,
      wardPath: form.dataset.ward,
      state: 'waiting',
      body: {
        caseId: form.dataset.case,
        reviewDate: data.get('reviewDate'),
        criteriaMet: data.getAll('criteriaMet'),
        override: override.value ? { outcome: override.value, reason: data.get('overrideReason') } : null,
        alternative: notQualifying ? data.get('alternative') : null,
        reasons: notQualifying ? data.getAll('reasons') : [],
        note: data.get('note'),
        flagged: data.get('flagged') !== null,
        submitted: action !== 'draft',
        changeReason: data.get('changeReason')
      }
    };
    if (pendingCase) {
      item.afterCase = pendingCase;
      item.body.caseId = null;
    }
    var status = document.getElementById('outbox-status');
    var outbox = window.BestplaceOutbox;
    outbox.save(item).then(function () {
      if (!pendingCase) { return outbox.send(item); }
      // The registration goes first (if the connection allows), then this review with the new case id.
      return (navigator.onLine ? outbox.flush() : Promise.resolve()).then(outbox.all).then(function (items) {
        var left = items.filter(function (i) { return i.reviewId === item.reviewId; })[0];
        return !left ? { ok: true }
          : left.state === 'refused' ? { ok: false, problem: { detail: left.message, field: left.field } }
          : { ok: false, waitingForCase: !!left.afterCase };
      });
    }).then(function (sent) {
      if (sent.ok) {
        window.location.href = form.dataset.ward + (pendingCase ? ''
          : '?saved=' + encodeURIComponent(form.dataset.caseNumber));
        return;
      }
      if (sent.problem) {
        showProblem(sent.problem);
      } else if (sent.waitingForCase) {
        status.textContent = 'Kept on this tablet: it will be sent after the patient\'s registration, when the'
          + ' connection returns.';
      } else {
        status.textContent = 'Kept on this tablet: it will be sent when the connection returns.';
      }
      outbox.render();
    });
  });

  form.addEventListener('change', update);
  if (note) { note.addEventListener('input', countNote); }
  section.removeAttribute('data-hidden');
  update();
  countNote();
  whenOpened();
}());
