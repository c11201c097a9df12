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
      url: '/audits/' + form.dataset.audit + '/reviews/' + reviewId,
      caseNumber: form.dataset.caseNumber,
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
    var status = document.getElementById('outbox-status');
    window.BestplaceOutbox.save(item).then(function () {
      return window.BestplaceOutbox.send(item);
    }).then(function (sent) {
      if (sent.ok) {
        window.location.href = form.dataset.ward + '?saved=' + encodeURIComponent(form.dataset.caseNumber);
        return;
      }
      if (sent.problem) {
        showProblem(sent.problem);
      } else {
        status.textContent = 'Kept on this tablet: it will be sent when the connection returns.';
      }
      window.BestplaceOutbox.render();
    });
  });

  form.addEventListener('change', update);
  if (note) { note.addEventListener('input', countNote); }
  section.removeAttribute('data-hidden');
  update();
  countNote();
}());
