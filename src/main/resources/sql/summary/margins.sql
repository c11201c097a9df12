-- The five breakdowns of the daily summary (by ward, specialty, sector, age band and stay band) from
-- the rolled-up summary cells (migration V33): {margins} is audit_summary_margin for the whole audit
-- or summary_margin for one day or the opened days, a few dozen labels each, summed over their slots.
-- Parameters :audit and, for one day, :date; {days} is the days filter (DailySummary.days).
select m.dimension, m.label, sum(m.reviewed), sum(m.not_qualifying)
from {margins} m
where m.audit_id = :audit {days}
group by m.dimension, m.label
having sum(m.reviewed) > 0
