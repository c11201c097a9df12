-- Each day of an audit that has reviews or a debrief: patient-days reviewed and not qualifying
-- (from the rolled-up summary cells of one dimension, migration V33: every patient-day is under one
-- ward), and whether its debrief was opened and signed off.
select d.day, coalesce(f.reviewed, 0), coalesce(f.not_qualifying, 0), d.opened, d.signed_off
from (select m.review_date as day, 0 as opened, 0 as signed_off from summary_margin m
      where m.audit_id = :audit and m.dimension = 'ward' group by m.review_date having sum(m.reviewed) > 0
      union
      select db.debrief_date, 1, db.signed_off_at is not null from debrief db
      where db.audit_id = :audit) d
left join (select m.review_date, sum(m.reviewed) as reviewed, sum(m.not_qualifying) as not_qualifying
           from summary_margin m where m.audit_id = :audit and m.dimension = 'ward'
           group by m.review_date) f on f.review_date = d.day
order by d.day
