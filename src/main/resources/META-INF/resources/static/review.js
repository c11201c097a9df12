// The review form's live outcome: the server recomputes and decides; this only shows the
// reviewer, as they tick, what the criteria will give. Without JavaScript the form works the same.
(function () {
  'use strict';
  var form = document.getElementById('review-form');
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
    count.textContent = note.value.length + ' of 2,000 characters. No names or numbers that identify the patient.';
  }

  form.addEventListener('change', update);
  note.addEventListener('input', countNote);
  section.removeAttribute('data-hidden');
  update();
  countNote();
}());
