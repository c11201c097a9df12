-- The breakdowns of the daily summary from the summary cells (migration V7): a cube whose margins
-- are the by-ward, by-sector, ... rows, read without touching the reviews. Parameters :audit and,
-- for one day, :date; {days} is the days filter (DailySummary.days).
select c.ward, c.specialty, c.reviewer_sector, c.age_band, c.stay_band,
       sum(c.reviewed), sum(c.not_qualifying)
from summary_cell c
where c.audit_id = :audit and c.reviewed > 0 {days}
group by c.ward, c.specialty, c.reviewer_sector, c.age_band, c.stay_band
