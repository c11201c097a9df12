-- What moves "as agreed" away from "as reviewed", by the first review's outcome: pairs whose reviews
-- disagree (from the pair cells), and the chair's decisions with how many of them settle such a
-- disagreement. Decisions are few, so their part starts from them. {pair_days} filters the pairs'
-- days; {decision_day} is empty or the one day (decisions are only made on an open day).
select 'disagreeing', p.first_outcome, null, sum(p.pairs), 0
from pair_cell p
where p.audit_id = :audit and p.first_outcome <> p.second_outcome {pair_days}
group by p.first_outcome
union all
select 'decided', r.outcome, d.outcome, count(distinct d.id), count(s.id)
from decision d
join debrief db on db.id = d.debrief_id
join review r on r.case_id = d.case_id and r.review_date = db.debrief_date and r.first_of_day = true
     and r.withdrawn = false
left join review s on s.case_id = d.case_id and s.review_date = db.debrief_date
     and s.submitted = true and s.first_of_day = false and s.outcome <> r.outcome
where db.audit_id = :audit {decision_day}
group by r.outcome, d.outcome
