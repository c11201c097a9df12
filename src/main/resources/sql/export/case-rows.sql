-- One row per submitted review of a case still in the audit, for the internal export, read in the
-- export's order (day, case number, the review's number in its patient-day) straight from the
-- primary key of the case rows the database keeps as reviews and decisions are written (migration
-- V33), each joined to its case (for its sex, which a correction may change): nothing is sorted, so the first
-- row leaves at once. The benchmark runs this same text through `mariadb --batch`; the service binds
-- the audit id in place of :audit.
select straight_join
       c.case_number,
       k.review_date,
       k.ward,
       k.specialty,
       k.age_band,
       c.sex,
       k.stay_band,
       k.review_number,
       k.reviewer_sector,
       k.outcome,
       k.overridden,
       k.criteria_met,
       k.alternative,
       k.reasons,
       k.agreed_outcome
from case_row k force index (primary)
join patient_case c on c.id = k.case_id
where k.audit_id = :audit and k.listed = true
order by k.review_date, k.case_number, k.review_number
