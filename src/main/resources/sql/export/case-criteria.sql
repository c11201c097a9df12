-- One row per listed review and criterion it gives, for the internal export's long table case_criteria.
-- The review is named as in the case rows (case-rows.sql): case number, review date and review
-- number, read from the same kept rows (case_row, V33) in the same primary-key order, so the two
-- join and the first row leaves at once: nothing is numbered or sorted over the whole audit. Each
-- review's codes come from review_criterion's primary key (review_id, code), so in code order.
-- :audit is the audit id.
select straight_join
       k.case_number,
       k.review_date,
       k.review_number,
       x.code as criterion
from case_row k force index (primary)
join review_criterion x on x.review_id = k.review_id
where k.audit_id = :audit and k.listed = true
order by k.review_date, k.case_number, k.review_number, k.review_id
