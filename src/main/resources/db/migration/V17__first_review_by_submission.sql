-- The first review of a patient-day is the one submitted earliest, ties broken by the lower id.
-- `submitted_at` is set when a review is first submitted and never again (a submitted review cannot
-- go back to draft, and a change keeps it), so no edit of either review can move "first".
-- This procedure is the one place that sets `first_of_day`: the service calls it for the day a
-- written review is on and, when the review moved, for the day it left. (MariaDB does not let a
-- trigger on `review` change other rows of `review`, so it cannot be a trigger.) The summary,
-- place and pair cells follow through the triggers of V7, V8 and V10, row by row.
CREATE PROCEDURE rank_patient_day(IN p_case BIGINT, IN p_day DATE)
    UPDATE review r
    JOIN (SELECT id, submitted AND ROW_NUMBER() OVER (ORDER BY submitted DESC, submitted_at, id) = 1 AS first
          FROM review WHERE case_id = p_case AND review_date = p_day) ranked ON ranked.id = r.id
    SET r.first_of_day = ranked.first
    WHERE r.first_of_day <> ranked.first;

-- Repair: an edit of either review of a dual-reviewed patient-day used to leave it with no first
-- review (so it vanished from every figure but the case rows), and a review moved onto a day was
-- ranked by arrival rather than by submission. Only patient-days whose flags differ from the rule
-- change; the triggers move their counts in the cells.
UPDATE review r
JOIN (SELECT id, submitted AND ROW_NUMBER() OVER (PARTITION BY case_id, review_date
                                                 ORDER BY submitted DESC, submitted_at, id) = 1 AS first
      FROM review) ranked ON ranked.id = r.id
SET r.first_of_day = ranked.first
WHERE r.first_of_day <> ranked.first;
