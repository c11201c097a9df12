-- The case a review is written about, with its row locked until the transaction ends, and the
-- reviews of that case on the review's day of care (one per reviewer, a handful at most), in one
-- statement. The lock comes before any other read of the write: the reviews are read by a
-- subquery on the locked row, so after the lock is granted, and they include what a copy of the
-- same request that held the lock a moment ago committed. The subquery takes no locks itself
-- (only the case row is locked: locking the review index's range would take gap locks, and
-- tablets writing reviews of neighbouring cases would deadlock on them).
-- Each review is "id reviewer_id sector submitted submitted_at" (the time as 2026-11-03T10:15:00.000000,
-- or - for a draft), the reviews joined by commas in the order they were submitted.
-- Parameters: the day of care, the case.
SELECT c.audit_id, c.case_number, c.ward, c.specialty, c.age_band, c.sex, c.admission_date, c.withdrawn_at,
       (SELECT GROUP_CONCAT(r.id, ' ', r.reviewer_id, ' ', r.reviewer_sector, ' ', r.submitted, ' ',
                            IFNULL(DATE_FORMAT(r.submitted_at, '%Y-%m-%dT%H:%i:%s.%f'), '-')
                            ORDER BY r.submitted_at, r.id SEPARATOR ',')
        FROM review r WHERE r.case_id = c.id AND r.review_date = ?) AS day_reviews
FROM patient_case c
WHERE c.id = ?
FOR UPDATE
