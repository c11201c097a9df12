-- Each day of an audit that has reviews or a debrief: patient-days reviewed and not qualifying
-- (from the summary cells), and whether its debrief was opened and signed off.
select d.day, coalesce(f.reviewed, 0), coalesce(f.not_qualifying, 0), d.opened, d.signed_off
from (select c.review_date as day, 0 as opened, 0 as signed_off from summary_cell c
      where c.audit_id = :audit and c.reviewed > 0 group by c.review_date
      union
      select db.debrief_date, 1, db.signed_off_at is not null from debrief db
      where db.audit_id = :audit) d
left join (select c.review_date, sum(c.reviewed) as reviewed, sum(c.not_qualifying) as not_qualifying
           from summary_cell c where c.audit_id = :audit
           group by c.review_date) f on f.review_date = d.day
order by d.day
