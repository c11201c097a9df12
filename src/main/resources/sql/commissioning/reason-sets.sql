-- Not-qualifying settled patient-days counted by the set of reasons their first review gave
-- (codes sorted, joined by commas; empty for none). The brief's reason groups and scenarios are
-- sums over these rows, which are as few as the combinations reviewers actually used.
select rs.reasons, count(*)
from (select pd.first_review,
             coalesce((select group_concat(rr.code order by rr.code separator ',')
                       from review_reason rr where rr.review_id = pd.first_review), '') as reasons
      from ({patient_days}) pd
      where pd.agreed_outcome = 'DOES_NOT_QUALIFY') rs
group by rs.reasons
