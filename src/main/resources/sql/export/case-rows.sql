-- One row per submitted review of a case still in the audit, for the internal export, read in the
-- export's order (day, case number, the review's number in its patient-day) straight from the index
-- of the case rows the database keeps as reviews and decisions are written (migration V33), each
-- joined to its review and its case: nothing is sorted, so the first row leaves at once. The
-- benchmark runs this same text through `mariadb --batch`; the service binds the audit id in place
-- of :audit.
select straight_join
       c.case_number,
       r.review_date,
       r.ward,
       r.specialty,
       r.age_band,
       c.sex,
       r.stay_band,
       k.review_number,
       r.reviewer_sector,
       r.outcome,
       case when r.override_outcome is null then 'no' else 'yes' end as overridden,
       k.criteria_met,
       r.alternative,
       k.reasons,
       k.agreed_outcome
from case_row k force index (ix_case_row_export)
join review r on r.id = k.review_id
join patient_case c on c.id = k.case_id
where k.audit_id = :audit and k.listed = true
order by k.review_date, k.case_number, k.review_number
