-- Pairs of reviews of one patient-day, the day's first submitted review with each later submitted
-- one, counted per day by both outcomes and both sectors as reviews are written: agreement and the
-- "as agreed" figures read these few rows instead of joining every second review to its first.
-- Each trigger adds or takes away the pairs the changed review makes with the other reviews of
-- its patient-day as they stand at that moment. When one statement changes several reviews of a
-- day (a review moved to another day hands "first" to the next one), each row's change is counted
-- against the rows already changed, so the sum comes out as the day's pairs after the statement.
CREATE TABLE pair_cell (
    audit_id        BIGINT      NOT NULL,
    review_date     DATE        NOT NULL,
    first_outcome   VARCHAR(20) NOT NULL,
    second_outcome  VARCHAR(20) NOT NULL,
    first_sector    VARCHAR(16) NOT NULL,
    second_sector   VARCHAR(16) NOT NULL,
    pairs           BIGINT      NOT NULL,
    PRIMARY KEY (audit_id, review_date, first_outcome, second_outcome, first_sector, second_sector)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO pair_cell
SELECT s.audit_id, s.review_date, r.outcome, s.outcome, r.reviewer_sector, s.reviewer_sector, COUNT(*)
FROM review s JOIN review r ON r.case_id = s.case_id AND r.review_date = s.review_date AND r.first_of_day = TRUE
WHERE s.submitted = TRUE AND s.first_of_day = FALSE
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER review_pair_insert AFTER INSERT ON review FOR EACH ROW FOLLOWS review_place_insert
    INSERT INTO pair_cell
    SELECT NEW.audit_id, NEW.review_date, p.first_outcome, p.second_outcome, p.first_sector, p.second_sector, 1
    FROM (SELECT o.outcome AS first_outcome, NEW.outcome AS second_outcome, o.reviewer_sector AS first_sector,
                 NEW.reviewer_sector AS second_sector
          FROM review o
          WHERE NEW.submitted AND NOT NEW.first_of_day AND o.case_id = NEW.case_id
            AND o.review_date = NEW.review_date AND o.first_of_day AND o.id <> NEW.id
          UNION ALL
          SELECT NEW.outcome, o.outcome, NEW.reviewer_sector, o.reviewer_sector
          FROM review o
          WHERE NEW.first_of_day AND o.case_id = NEW.case_id AND o.review_date = NEW.review_date
            AND o.submitted AND NOT o.first_of_day AND o.id <> NEW.id) p
    WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);

CREATE TRIGGER review_pair_update_old AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_place_update_new
    INSERT INTO pair_cell
    SELECT OLD.audit_id, OLD.review_date, p.first_outcome, p.second_outcome, p.first_sector, p.second_sector, -1
    FROM (SELECT o.outcome AS first_outcome, OLD.outcome AS second_outcome, o.reviewer_sector AS first_sector,
                 OLD.reviewer_sector AS second_sector
          FROM review o
          WHERE OLD.submitted AND NOT OLD.first_of_day AND o.case_id = OLD.case_id
            AND o.review_date = OLD.review_date AND o.first_of_day AND o.id <> OLD.id
          UNION ALL
          SELECT OLD.outcome, o.outcome, OLD.reviewer_sector, o.reviewer_sector
          FROM review o
          WHERE OLD.first_of_day AND o.case_id = OLD.case_id AND o.review_date = OLD.review_date
            AND o.submitted AND NOT o.first_of_day AND o.id <> OLD.id) p
    WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);

CREATE TRIGGER review_pair_update_new AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_pair_update_old
    INSERT INTO pair_cell
    SELECT NEW.audit_id, NEW.review_date, p.first_outcome, p.second_outcome, p.first_sector, p.second_sector, 1
    FROM (SELECT o.outcome AS first_outcome, NEW.outcome AS second_outcome, o.reviewer_sector AS first_sector,
                 NEW.reviewer_sector AS second_sector
          FROM review o
          WHERE NEW.submitted AND NOT NEW.first_of_day AND o.case_id = NEW.case_id
            AND o.review_date = NEW.review_date AND o.first_of_day AND o.id <> NEW.id
          UNION ALL
          SELECT NEW.outcome, o.outcome, NEW.reviewer_sector, o.reviewer_sector
          FROM review o
          WHERE NEW.first_of_day AND o.case_id = NEW.case_id AND o.review_date = NEW.review_date
            AND o.submitted AND NOT o.first_of_day AND o.id <> NEW.id) p
    WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);

CREATE TRIGGER review_pair_delete AFTER DELETE ON review FOR EACH ROW FOLLOWS review_place_delete
    INSERT INTO pair_cell
    SELECT OLD.audit_id, OLD.review_date, p.first_outcome, p.second_outcome, p.first_sector, p.second_sector, -1
    FROM (SELECT o.outcome AS first_outcome, OLD.outcome AS second_outcome, o.reviewer_sector AS first_sector,
                 OLD.reviewer_sector AS second_sector
          FROM review o
          WHERE OLD.submitted AND NOT OLD.first_of_day AND o.case_id = OLD.case_id
            AND o.review_date = OLD.review_date AND o.first_of_day AND o.id <> OLD.id
          UNION ALL
          SELECT OLD.outcome, o.outcome, OLD.reviewer_sector, o.reviewer_sector
          FROM review o
          WHERE OLD.first_of_day AND o.case_id = OLD.case_id AND o.review_date = OLD.review_date
            AND o.submitted AND NOT o.first_of_day AND o.id <> OLD.id) p
    WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);
