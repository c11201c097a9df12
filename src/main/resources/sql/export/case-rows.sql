-- One row per submitted review, for the internal export. The benchmark runs this same text
-- through `mariadb --batch`; the service binds the audit id in place of :audit.
select c.case_number,
       r.review_date,
       r.ward,
       r.specialty,
       r.age_band,
       c.sex,
       r.stay_band,
       row_number() over day_of_case as review_number,
       r.reviewer_sector,
       r.outcome,
       case when r.override_outcome is null then 'no' else 'yes' end as overridden,
       (select group_concat(rc.code order by rc.code separator ';')
          from review_criterion rc where rc.review_id = r.id) as criteria_met,
       r.alternative,
       (select group_concat(rr.code order by rr.code separator ';')
          from review_reason rr where rr.review_id = r.id) as reasons,
       coalesce(d.outcome,
                case when min(r.outcome) over same_day = max(r.outcome) over same_day then r.outcome
                     else 'UNRESOLVED' end) as agreed_outcome
from review r
join patient_case c on c.id = r.case_id
left join debrief db on db.audit_id = r.audit_id and db.debrief_date = r.review_date
left join decision d on d.debrief_id = db.id and d.case_id = r.case_id
where r.audit_id = :audit and r.submitted = true and r.withdrawn = false
window same_day as (partition by r.case_id, r.review_date),
       day_of_case as (partition by r.case_id, r.review_date order by r.first_of_day desc, r.submitted_at, r.id)
order by r.review_date, c.case_number, review_number
