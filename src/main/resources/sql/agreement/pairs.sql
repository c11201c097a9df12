-- Each patient-day's first submitted review paired with each later submitted one, counted by
-- outcomes and sectors, from the pair cells (migration V10) per day, or rolled up per audit (V33):
-- {pairs} is pair_cell or audit_pair_cell. {days} is the days filter.
select p.first_outcome, p.second_outcome, p.first_sector, p.second_sector, sum(p.pairs)
from {pairs} p
where p.audit_id = :audit {days}
group by p.first_outcome, p.second_outcome, p.first_sector, p.second_sector
having sum(p.pairs) > 0
