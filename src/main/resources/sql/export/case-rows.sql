-- One row per submitted review of a case still in the audit, for the internal export, read in the
-- export's order (day, case number, the review's number in its patient-day) straight from the
-- primary key of the case rows the database keeps as reviews and decisions are written (migration
-- V33) alone, the case's sex included (V39): nothing is sorted or looked up, so the first row leaves
-- at once. The benchmark runs this same text through `mariadb --batch`; the service binds
-- the audit id in place of :audit.
select k.case_number,
       k.review_date,
       k.ward,
       k.specialty,
       k.age_band,
       k.sex,
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
where k.audit_id = :audit and k.listed = true
order by k.review_date, k.case_number, k.review_number
