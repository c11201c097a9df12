-- The specialties reviewers choose from when they register a patient, in the order the lead gave
-- them. An audit made before this list existed has none stored and offers the service's default.
CREATE TABLE audit_specialty (
    audit_id   BIGINT       NOT NULL,
    position   INT          NOT NULL,
    specialty  VARCHAR(100) NOT NULL,
    PRIMARY KEY (audit_id, position),
    CONSTRAINT fk_audit_specialty_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A case registered under "Other" names its specialty in a note; a withdrawn case stays, marked,
-- with who withdrew it, when and why.
ALTER TABLE patient_case
    ADD COLUMN specialty_note    VARCHAR(100),
    ADD COLUMN withdrawn_at      DATETIME(6),
    ADD COLUMN withdrawn_by      VARCHAR(64),
    ADD COLUMN withdrawal_reason VARCHAR(2000);

-- Every correction and the withdrawal of a case: who, when, why, and the case before and after.
CREATE TABLE case_history (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME(6)   NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    before_content  TEXT          NOT NULL,
    after_content   TEXT          NOT NULL,
    CONSTRAINT fk_case_history_case FOREIGN KEY (case_id) REFERENCES patient_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_case_history_case ON case_history (case_id);

-- A review carries its case's withdrawal, as it carries the case's ward and specialty (V3), so the
-- cells leave a withdrawn case's reviews out row by row: withdrawing a case is one UPDATE of its
-- reviews, and the triggers of V20 take each one out of its summary, place and pair cells.
ALTER TABLE review ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE;

-- The three counting procedures of V20 again, each counting only reviews that are not withdrawn. A
-- pair counts only while both of its reviews are in, so withdrawing them one row after the other
-- takes the pair away exactly once.
DROP PROCEDURE count_summary_cell;
DROP PROCEDURE count_place_cells;
DROP PROCEDURE count_pair_cells;

CREATE PROCEDURE count_summary_cell(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO summary_cell
    SELECT r.audit_id, r.review_date, r.ward, r.specialty, r.reviewer_sector, r.age_band, r.stay_band,
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn),
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'),
           p_sign * (r.submitted AND NOT r.withdrawn),
           p_sign * (r.submitted AND NOT r.withdrawn AND r.override_outcome IS NOT NULL)
    FROM review r WHERE r.id = p_review
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE PROCEDURE count_place_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, p.kind, p.code, p_sign
    FROM review r
    JOIN (SELECT 'alternative' AS kind, a.alternative AS code FROM review a
          WHERE a.id = p_review AND a.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = p_review) p
    WHERE r.id = p_review AND r.submitted AND r.first_of_day AND NOT r.withdrawn
      AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE PROCEDURE count_pair_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO pair_cell
    SELECT r.audit_id, r.review_date,
           IF(r.first_of_day, r.outcome, o.outcome), IF(r.first_of_day, o.outcome, r.outcome),
           IF(r.first_of_day, r.reviewer_sector, o.reviewer_sector),
           IF(r.first_of_day, o.reviewer_sector, r.reviewer_sector), p_sign
    FROM review r
    JOIN review o ON o.case_id = r.case_id AND o.review_date = r.review_date AND o.id <> r.id
    WHERE r.id = p_review AND NOT r.withdrawn AND NOT o.withdrawn
      AND ((r.submitted AND NOT r.first_of_day AND o.first_of_day)
           OR (r.first_of_day AND o.submitted AND NOT o.first_of_day))
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);

-- The reason triggers of V8, the same way: a withdrawn case's reviews are locked, but the cells
-- should not depend on that.
DROP TRIGGER reason_place_insert;
DROP TRIGGER reason_place_delete;

CREATE TRIGGER reason_place_insert AFTER INSERT ON review_reason FOR EACH ROW
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, 'reason', NEW.code, 1 FROM review r
    WHERE @bestplace_bulk_load IS NULL AND r.id = NEW.review_id AND r.submitted AND r.first_of_day
      AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

CREATE TRIGGER reason_place_delete AFTER DELETE ON review_reason FOR EACH ROW
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, 'reason', OLD.code, -1 FROM review r
    WHERE @bestplace_bulk_load IS NULL AND r.id = OLD.review_id AND r.submitted AND r.first_of_day
      AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);
