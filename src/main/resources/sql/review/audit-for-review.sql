-- What a new review needs of its audit, in one read: the audit's state, dates and pinned criteria
-- content, whether the case's ward is one of its wards, the caller's places on its team
-- ("ROLE SECTOR", comma-separated), whether the day's debrief is signed off, whether the audit
-- takes reviews only from trained reviewers, and whether the review's id is already taken
-- (by a review anywhere: that request is then a repeat or a change, written the long way).
-- {signedOff} and {trainingRequired} are conditions on the audit `a` given by the debrief and
-- training features ({signedOff} takes the day as its one parameter). Parameters: the ward, the
-- user, the day, the review id, the audit.
SELECT a.status, a.start_date, a.end_date, a.criteria_hash, a.dual_review_rate,
       EXISTS (SELECT 1 FROM audit_ward w
               WHERE w.audit_id = a.id AND CAST(w.ward AS BINARY) = CAST(? AS BINARY)) AS has_ward,
       (SELECT GROUP_CONCAT(m.role, ' ', m.sector) FROM audit_member m
        WHERE m.audit_id = a.id AND m.user_id = ?) AS places,
       {signedOff} AS signed_off,
       {trainingRequired} AS training_required,
       EXISTS (SELECT 1 FROM review r WHERE r.id = ?) AS id_taken
FROM audit a
WHERE a.id = ?
