-- The chair's decisions of one day, by the first review's outcome and the decision's, with how many
-- disagreeing second reviews they settle (part of summary/agreed.sql). Decisions are few, so this
-- starts from them. Parameters :audit and :date.
select 'decided', r.outcome, d.outcome, count(distinct d.id), count(s.id)
from decision d
join debrief db on db.id = d.debrief_id
join review r on r.case_id = d.case_id and r.review_date = db.debrief_date and r.first_of_day = true
     and r.withdrawn = false
left join review s on s.case_id = d.case_id and s.review_date = db.debrief_date
     and s.submitted = true and s.first_of_day = false and s.outcome <> r.outcome
where db.audit_id = :audit and db.debrief_date = :date
group by r.outcome, d.outcome
