-- Agreement and the "as agreed" figures pair each second review of a patient-day with the day's
-- first review. Two covering indexes let MariaDB do that from indexes alone, without visiting
-- the rows: second reviews of an audit in one range, and a patient-day's reviews by case and
-- date (which also serves every lookup the two narrower case indexes it replaces served).
CREATE INDEX ix_review_second ON review
    (audit_id, first_of_day, submitted, review_date, case_id, outcome, reviewer_sector);
CREATE INDEX ix_review_case_day ON review
    (case_id, review_date, submitted, first_of_day, outcome, reviewer_sector);
DROP INDEX ix_review_case_date ON review;
DROP INDEX ix_review_case ON review;
