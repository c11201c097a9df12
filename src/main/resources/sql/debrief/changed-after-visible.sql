-- Changes to a review of a dual-reviewed patient-day made once the other review was submitted:
-- from then on the author could read it (blind review lifts when both are in), so the change may
-- copy it. A review's history only holds changes made after it was submitted.
select r.case_id, r.id
from review r
join review o on o.case_id = r.case_id and o.review_date = r.review_date and o.id <> r.id
     and o.submitted = true
join review_history h on h.review_id = r.id and h.changed_at >= o.submitted_at
where r.audit_id = :audit and r.review_date = :date and r.submitted = true
  and r.withdrawn = false
group by r.case_id, r.id
order by r.case_id, r.id
