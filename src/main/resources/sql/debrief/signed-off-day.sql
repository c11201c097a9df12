-- The day's debrief is signed off, as a condition on the audit `a` whose one parameter is the day, so
-- that a review's write reads it in the same statement as the audit (review/audit-for-review.sql).
EXISTS (SELECT 1 FROM debrief d WHERE d.audit_id = a.id AND d.debrief_date = ? AND d.signed_off_at IS NOT NULL)
