-- The audit `a` takes reviews only from reviewers who have passed its training, as a condition read
-- with the audit by a review's write (review/audit-for-review.sql). No rule: not required.
COALESCE((SELECT rr.required FROM readiness_rule rr WHERE rr.audit_id = a.id), FALSE)
