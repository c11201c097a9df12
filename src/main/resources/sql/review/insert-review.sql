-- A new review, its read-model copies of the case, and whether it is its patient-day's first
-- (worked out from the day's reviews read under the case's lock; see Review.insertNew).
INSERT INTO review (id, audit_id, case_id, reviewer_id, reviewer_sector, review_date, outcome, override_outcome,
                    override_reason, alternative, note, flagged, submitted, submitted_at, created_at, updated_at,
                    version, first_of_day, ward, specialty, age_band, stay_days)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
