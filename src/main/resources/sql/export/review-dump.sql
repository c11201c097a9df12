-- The physical limit the export is measured against (bench/export, bench/run): every submitted
-- review of the audit joined to its case, the same columns the case rows carry from those two
-- tables, in no particular order. Not used by the service.
select c.case_number, r.review_date, r.ward, r.specialty, r.age_band, c.sex, r.stay_band, r.reviewer_sector,
       r.outcome, r.override_outcome, r.alternative
from review r
join patient_case c on c.id = r.case_id
where r.audit_id = :audit and r.submitted = true and r.withdrawn = false
