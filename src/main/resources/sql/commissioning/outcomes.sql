-- Settled patient-days by agreed outcome and alternative place, unresolved ones apart, and the
-- audit days (days with at least one submitted review). {patient_days} is patient-days.sql.
select 'outcome' as kind, pd.agreed_outcome, pd.alternative, count(*)
from ({patient_days}) pd
group by pd.agreed_outcome, pd.alternative
union all
select 'days', null, null, count(distinct f.review_date)
from review f
where f.audit_id = :audit and f.submitted = true and f.withdrawn = false {days}
