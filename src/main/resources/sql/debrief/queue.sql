-- The cases of a day the chair goes through: reviews that disagree, a flag, or an override.
select r.case_id, count(distinct r.outcome) > 1, max(r.flagged), max(r.override_outcome is not null)
from review r
where r.audit_id = :audit and r.review_date = :date and r.submitted = true
  and r.withdrawn = false
group by r.case_id
having count(distinct r.outcome) > 1 or max(r.flagged) = 1 or max(r.override_outcome is not null) = 1
order by r.case_id
