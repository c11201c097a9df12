-- An audit's settled patient-days ("as agreed", the rule of sql/commissioning/patient-days.sql, the
-- brief's and the export's) counted for a comparison: by ward (settled and not qualifying), by
-- alternative place and by reason for delay (not-qualifying patient-days with that place, or with
-- that reason among their first review's). {patient_days} is that query, {days} its day filter.
select 'ward' as kind, r.ward as code, count(*) as settled,
       sum(case when pd.agreed_outcome = 'DOES_NOT_QUALIFY' then 1 else 0 end) as not_qualifying
from ({patient_days}) pd
join review r on r.id = pd.first_review
where pd.agreed_outcome <> 'UNRESOLVED'
group by r.ward
union all
select 'alternative', pd.alternative, count(*), count(*)
from ({patient_days}) pd
where pd.agreed_outcome = 'DOES_NOT_QUALIFY'
group by pd.alternative
union all
select 'reason', rr.code, count(*), count(*)
from ({patient_days}) pd
join review_reason rr on rr.review_id = pd.first_review
where pd.agreed_outcome = 'DOES_NOT_QUALIFY'
group by rr.code
