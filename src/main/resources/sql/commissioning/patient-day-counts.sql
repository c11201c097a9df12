-- The patient-days of an audit counted "as agreed" for the commissioning brief, from the case rows
-- the database keeps (migrations V33, V39) in one read of their primary key: each patient-day's
-- first listed review (number 1) carries the day's agreed outcome (the chair's decision, else the
-- outcome its submitted reviews share, else UNRESOLVED) and the first review's place and reasons;
-- where the day was decided (decided_outcome is kept on that row) the decision's place, if it
-- names one, is read for that row alone. Counted by day, agreed outcome, place and, for days not
-- qualifying, the set of reasons (codes sorted, joined by commas; empty for none), so the brief's
-- figures, its days and its reason groups are sums over these few rows. This is what
-- patient-days.sql works out from the reviews, without reading each review's patient-day again.
-- {days} filters the day (a reviewer reads only the days whose debrief opened). {reasons_length} is
-- the length of the criteria set's every reason code joined, the longest set a review can give: a
-- key that short keeps MariaDB's grouping in memory (a TEXT key would put it in an on-disk table).
select k.review_date,
       k.agreed_outcome,
       if(k.decided_outcome is null, k.alternative,
          coalesce((select d.alternative from debrief db join decision d on d.debrief_id = db.id
                    where db.audit_id = k.audit_id and db.debrief_date = k.review_date and d.case_id = k.case_id),
                   k.alternative)) as alternative,
       if(k.agreed_outcome = 'DOES_NOT_QUALIFY', cast(replace(coalesce(k.reasons, ''), ';', ',') as char({reasons_length})),
          null) as reasons,
       count(*)
from case_row k force index (primary)
where k.audit_id = :audit and k.listed = true and k.review_number = 1 {days}
group by 1, 2, 3, 4
