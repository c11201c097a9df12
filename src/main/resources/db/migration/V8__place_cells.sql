-- Alternatives and reasons of the patient-days that did not qualify (by their first submitted
-- review), counted per day as reviews and their reasons are written, like the summary cells.
-- Hibernate writes a review's row before its reasons and removes reasons before the review,
-- and each trigger counts what is there at that moment, so the counts stay exact.
CREATE TABLE place_cell (
    audit_id     BIGINT      NOT NULL,
    review_date  DATE        NOT NULL,
    kind         VARCHAR(12) NOT NULL,
    code         VARCHAR(40) NOT NULL,
    tally        BIGINT      NOT NULL,
    PRIMARY KEY (audit_id, review_date, kind, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO place_cell
SELECT audit_id, review_date, 'alternative' AS kind, alternative, COUNT(*) FROM review
WHERE submitted = TRUE AND first_of_day = TRUE AND outcome = 'DOES_NOT_QUALIFY' AND alternative IS NOT NULL
GROUP BY audit_id, review_date, alternative;

INSERT INTO place_cell
SELECT r.audit_id, r.review_date, 'reason' AS kind, rr.code, COUNT(*) FROM review r JOIN review_reason rr ON rr.review_id = r.id
WHERE r.submitted = TRUE AND r.first_of_day = TRUE AND r.outcome = 'DOES_NOT_QUALIFY'
GROUP BY r.audit_id, r.review_date, rr.code;

-- Bulk loaders (the synthetic data generator, benchmarks) set the session variable
-- @bestplace_bulk_load and rebuild the cells of what they loaded in one statement at the end;
-- every other writer goes through the triggers. The summary-cell triggers of V7 are made again
-- with that guard.
DROP TRIGGER review_cell_insert;
DROP TRIGGER review_cell_update_old;
DROP TRIGGER review_cell_update_new;
DROP TRIGGER review_cell_delete;

CREATE TRIGGER review_cell_insert AFTER INSERT ON review FOR EACH ROW
    INSERT INTO summary_cell
    SELECT NEW.audit_id, NEW.review_date, NEW.ward, NEW.specialty, NEW.reviewer_sector, NEW.age_band,
           CASE WHEN NEW.stay_days <= 6 THEN '0-6' WHEN NEW.stay_days <= 13 THEN '7-13'
                WHEN NEW.stay_days <= 20 THEN '14-20' ELSE '21+' END,
           (NEW.submitted AND NEW.first_of_day),
           (NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY'),
           (NEW.submitted), (NEW.submitted AND NEW.override_outcome IS NOT NULL)
    FROM DUAL WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_update_old AFTER UPDATE ON review FOR EACH ROW
    INSERT INTO summary_cell
    SELECT OLD.audit_id, OLD.review_date, OLD.ward, OLD.specialty, OLD.reviewer_sector, OLD.age_band,
           CASE WHEN OLD.stay_days <= 6 THEN '0-6' WHEN OLD.stay_days <= 13 THEN '7-13'
                WHEN OLD.stay_days <= 20 THEN '14-20' ELSE '21+' END,
           -(OLD.submitted AND OLD.first_of_day),
           -(OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'),
           -(OLD.submitted), -(OLD.submitted AND OLD.override_outcome IS NOT NULL)
    FROM DUAL WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_update_new AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_cell_update_old
    INSERT INTO summary_cell
    SELECT NEW.audit_id, NEW.review_date, NEW.ward, NEW.specialty, NEW.reviewer_sector, NEW.age_band,
           CASE WHEN NEW.stay_days <= 6 THEN '0-6' WHEN NEW.stay_days <= 13 THEN '7-13'
                WHEN NEW.stay_days <= 20 THEN '14-20' ELSE '21+' END,
           (NEW.submitted AND NEW.first_of_day),
           (NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY'),
           (NEW.submitted), (NEW.submitted AND NEW.override_outcome IS NOT NULL)
    FROM DUAL WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_delete AFTER DELETE ON review FOR EACH ROW
    INSERT INTO summary_cell
    SELECT OLD.audit_id, OLD.review_date, OLD.ward, OLD.specialty, OLD.reviewer_sector, OLD.age_band,
           CASE WHEN OLD.stay_days <= 6 THEN '0-6' WHEN OLD.stay_days <= 13 THEN '7-13'
                WHEN OLD.stay_days <= 20 THEN '14-20' ELSE '21+' END,
           -(OLD.submitted AND OLD.first_of_day),
           -(OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'),
           -(OLD.submitted), -(OLD.submitted AND OLD.override_outcome IS NOT NULL)
    FROM DUAL WHERE @bestplace_bulk_load IS NULL
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_place_insert AFTER INSERT ON review FOR EACH ROW FOLLOWS review_cell_insert
    INSERT INTO place_cell
    SELECT NEW.audit_id, NEW.review_date, 'alternative', NEW.alternative, 1 FROM DUAL
    WHERE @bestplace_bulk_load IS NULL AND NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY'
      AND NEW.alternative IS NOT NULL
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER review_place_update_old AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_cell_update_new
    INSERT INTO place_cell
    SELECT OLD.audit_id, OLD.review_date, p.kind, p.code, -1
    FROM (SELECT 'alternative' AS kind, OLD.alternative AS code FROM DUAL WHERE OLD.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = OLD.id) p
    WHERE @bestplace_bulk_load IS NULL AND OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER review_place_update_new AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_place_update_old
    INSERT INTO place_cell
    SELECT NEW.audit_id, NEW.review_date, p.kind, p.code, 1
    FROM (SELECT 'alternative' AS kind, NEW.alternative AS code FROM DUAL WHERE NEW.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = NEW.id) p
    WHERE @bestplace_bulk_load IS NULL AND NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER review_place_delete AFTER DELETE ON review FOR EACH ROW FOLLOWS review_cell_delete
    INSERT INTO place_cell
    SELECT OLD.audit_id, OLD.review_date, p.kind, p.code, -1
    FROM (SELECT 'alternative' AS kind, OLD.alternative AS code FROM DUAL WHERE OLD.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = OLD.id) p
    WHERE @bestplace_bulk_load IS NULL AND OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER reason_place_insert AFTER INSERT ON review_reason FOR EACH ROW
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, 'reason', NEW.code, 1 FROM review r
    WHERE @bestplace_bulk_load IS NULL AND r.id = NEW.review_id AND r.submitted AND r.first_of_day AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER reason_place_delete AFTER DELETE ON review_reason FOR EACH ROW
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, 'reason', OLD.code, -1 FROM review r
    WHERE @bestplace_bulk_load IS NULL AND r.id = OLD.review_id AND r.submitted AND r.first_of_day AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);
