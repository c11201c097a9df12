-- One row per submitted review and criterion it gives, for the internal export's long table
-- case_criteria. The review is named as in the case rows (case-rows.sql): case number, review date
-- and review number, so the two join; :audit is the audit id.
select c.case_number,
       r.review_date,
       r.review_number,
       x.code as criterion
from (select r.id, r.case_id, r.review_date,
             row_number() over (partition by r.case_id, r.review_date
                                order by r.first_of_day desc, r.submitted_at, r.id) as review_number
        from review r
       where r.audit_id = :audit and r.submitted = true and r.withdrawn = false) r
join patient_case c on c.id = r.case_id
join review_criterion x on x.review_id = r.id
order by r.review_date, c.case_number, r.review_number, x.code
