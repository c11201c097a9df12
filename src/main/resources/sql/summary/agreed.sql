-- What moves "as agreed" away from "as reviewed", by the first review's outcome: pairs whose reviews
-- disagree (from the pair cells per day, or rolled up per audit: {pairs} is pair_cell or
-- audit_pair_cell), and the chair's decisions with how many of them settle such a disagreement
-- ({decided}: summary/decided-on-day.sql for one day, summary/decided-rolled-up.sql for every day).
-- {pair_days} filters the pairs' days.
select 'disagreeing', p.first_outcome, null, sum(p.pairs), 0
from {pairs} p
where p.audit_id = :audit and p.first_outcome <> p.second_outcome {pair_days}
group by p.first_outcome
union all
{decided}
