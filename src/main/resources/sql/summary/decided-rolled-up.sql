-- The chair's decisions of every day, the same figures as summary/decided-on-day.sql, from the decision
-- cells the database keeps per audit (migration V33). Decisions are only made on an open day, so the
-- opened days' figures are these too. Parameter :audit.
select 'decided', c.first_outcome, c.decided_outcome, sum(c.decided), sum(c.settled)
from audit_decision_cell c
where c.audit_id = :audit
group by c.first_outcome, c.decided_outcome
having sum(c.decided) <> 0
