-- The settled patient-days of an audit, "as agreed" (the rule of the results and the export's
-- agreed_outcome): a patient-day's outcome is the chair's decision, else the outcome its submitted
-- reviews share; one whose reviews disagree with no decision is UNRESOLVED. Its alternative is the
-- decision's where it names one, else the first review's; its reasons are the first review's.
-- {days} filters the first review's day (a reviewer reads only the days whose debrief opened).
select f.id as first_review, f.review_date,
       coalesce(d.outcome,
                case when exists (select 1 from review s where s.case_id = f.case_id
                                  and s.review_date = f.review_date and s.submitted = true
                                  and s.withdrawn = false and s.outcome <> f.outcome)
                     then 'UNRESOLVED' else f.outcome end) as agreed_outcome,
       coalesce(d.alternative, f.alternative) as alternative
from review f
left join debrief db on db.audit_id = f.audit_id and db.debrief_date = f.review_date
left join decision d on d.debrief_id = db.id and d.case_id = f.case_id
where f.audit_id = :audit and f.first_of_day = true and f.submitted = true and f.withdrawn = false {days}
