-- Two read models kept by the same triggers and procedures as the cells of V7, V8, V10, V20 and V22,
-- so that what an audit's size used to cost at query time is paid a row at a time as reviews are written.
--
-- 1. Rolled-up cells. The cumulative summary summed every summary cell of the audit (days x wards x
-- specialties x sectors x age bands x stay bands: 56,000 cells at a million reviews) to get its five
-- breakdowns. The margins it needs are now kept directly: per audit and day (for one day, and for the
-- days whose debrief is open) and per audit (the cumulative figures), each a few dozen labels. The
-- alternatives, reasons and pairs are rolled up per audit the same way. Every rolled-up row carries a
-- `slot` (the case id modulo 8) so that tablets writing at once do not all queue on the one row of
-- their sector: a read sums the slots, so a cumulative summary reads a few hundred rows at most.
CREATE TABLE summary_margin (
    audit_id         BIGINT       NOT NULL,
    review_date      DATE         NOT NULL,
    dimension        VARCHAR(12)  NOT NULL,
    label            VARCHAR(100) NOT NULL,
    slot             TINYINT      NOT NULL,
    reviewed         BIGINT       NOT NULL,
    not_qualifying   BIGINT       NOT NULL,
    reviews          BIGINT       NOT NULL,
    overrides        BIGINT       NOT NULL,
    PRIMARY KEY (audit_id, review_date, dimension, label, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_summary_margin (
    audit_id         BIGINT       NOT NULL,
    dimension        VARCHAR(12)  NOT NULL,
    label            VARCHAR(100) NOT NULL,
    slot             TINYINT      NOT NULL,
    reviewed         BIGINT       NOT NULL,
    not_qualifying   BIGINT       NOT NULL,
    reviews          BIGINT       NOT NULL,
    overrides        BIGINT       NOT NULL,
    PRIMARY KEY (audit_id, dimension, label, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_place_cell (
    audit_id     BIGINT      NOT NULL,
    kind         VARCHAR(12) NOT NULL,
    code         VARCHAR(40) NOT NULL,
    slot         TINYINT     NOT NULL,
    tally        BIGINT      NOT NULL,
    PRIMARY KEY (audit_id, kind, code, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_pair_cell (
    audit_id        BIGINT      NOT NULL,
    first_outcome   VARCHAR(20) NOT NULL,
    second_outcome  VARCHAR(20) NOT NULL,
    first_sector    VARCHAR(16) NOT NULL,
    second_sector   VARCHAR(16) NOT NULL,
    slot            TINYINT     NOT NULL,
    pairs           BIGINT      NOT NULL,
    PRIMARY KEY (audit_id, first_outcome, second_outcome, first_sector, second_sector, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The five breakdowns, one row per dimension, for joining to a review.
CREATE VIEW summary_dimension AS
    SELECT 'ward' AS dimension UNION ALL SELECT 'specialty' UNION ALL SELECT 'sector'
    UNION ALL SELECT 'age_band' UNION ALL SELECT 'stay_band';

-- Existing audits: rolled up from their fine cells (slot 0; a read sums the slots, so where a later
-- write's -1 lands does not matter).
INSERT INTO summary_margin
SELECT c.audit_id, c.review_date, d.dimension,
       CASE d.dimension WHEN 'ward' THEN c.ward WHEN 'specialty' THEN c.specialty WHEN 'sector' THEN c.reviewer_sector
                        WHEN 'age_band' THEN c.age_band ELSE c.stay_band END,
       0, SUM(c.reviewed), SUM(c.not_qualifying), SUM(c.reviews), SUM(c.overrides)
FROM summary_cell c JOIN summary_dimension d
GROUP BY 1, 2, 3, 4;
INSERT INTO audit_summary_margin
SELECT audit_id, dimension, label, 0, SUM(reviewed), SUM(not_qualifying), SUM(reviews), SUM(overrides)
FROM summary_margin GROUP BY 1, 2, 3;
INSERT INTO audit_place_cell
SELECT audit_id, kind, code, 0, SUM(tally) FROM place_cell GROUP BY 1, 2, 3;
INSERT INTO audit_pair_cell
SELECT audit_id, first_outcome, second_outcome, first_sector, second_sector, 0, SUM(pairs)
FROM pair_cell GROUP BY 1, 2, 3, 4, 5;

-- The counting procedures of V22 again, each now writing its rolled-up rows beside its fine ones.
DROP PROCEDURE count_summary_cell;
DROP PROCEDURE count_place_cells;
DROP PROCEDURE count_pair_cells;

DELIMITER $$
CREATE PROCEDURE count_summary_cell(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
BEGIN
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
    INSERT INTO summary_margin
    SELECT r.audit_id, r.review_date, d.dimension,
           CASE d.dimension WHEN 'ward' THEN r.ward WHEN 'specialty' THEN r.specialty
                            WHEN 'sector' THEN r.reviewer_sector WHEN 'age_band' THEN r.age_band ELSE r.stay_band END,
           r.case_id MOD 8,
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn),
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'),
           p_sign * (r.submitted AND NOT r.withdrawn),
           p_sign * (r.submitted AND NOT r.withdrawn AND r.override_outcome IS NOT NULL)
    FROM review r JOIN summary_dimension d WHERE r.id = p_review AND r.submitted
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);
    INSERT INTO audit_summary_margin
    SELECT r.audit_id, d.dimension,
           CASE d.dimension WHEN 'ward' THEN r.ward WHEN 'specialty' THEN r.specialty
                            WHEN 'sector' THEN r.reviewer_sector WHEN 'age_band' THEN r.age_band ELSE r.stay_band END,
           r.case_id MOD 8,
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn),
           p_sign * (r.submitted AND r.first_of_day AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'),
           p_sign * (r.submitted AND NOT r.withdrawn),
           p_sign * (r.submitted AND NOT r.withdrawn AND r.override_outcome IS NOT NULL)
    FROM review r JOIN summary_dimension d WHERE r.id = p_review AND r.submitted
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);
END$$

CREATE PROCEDURE count_place_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
BEGIN
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
    INSERT INTO audit_place_cell
    SELECT r.audit_id, p.kind, p.code, r.case_id MOD 8, p_sign
    FROM review r
    JOIN (SELECT 'alternative' AS kind, a.alternative AS code FROM review a
          WHERE a.id = p_review AND a.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = p_review) p
    WHERE r.id = p_review AND r.submitted AND r.first_of_day AND NOT r.withdrawn
      AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);
END$$

CREATE PROCEDURE count_pair_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
BEGIN
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
    INSERT INTO audit_pair_cell
    SELECT r.audit_id,
           IF(r.first_of_day, r.outcome, o.outcome), IF(r.first_of_day, o.outcome, r.outcome),
           IF(r.first_of_day, r.reviewer_sector, o.reviewer_sector),
           IF(r.first_of_day, o.reviewer_sector, r.reviewer_sector), r.case_id MOD 8, p_sign
    FROM review r
    JOIN review o ON o.case_id = r.case_id AND o.review_date = r.review_date AND o.id <> r.id
    WHERE r.id = p_review AND NOT r.withdrawn AND NOT o.withdrawn
      AND ((r.submitted AND NOT r.first_of_day AND o.first_of_day)
           OR (r.first_of_day AND o.submitted AND NOT o.first_of_day))
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);
END$$
DELIMITER ;

-- The reason triggers of V22, each writing the per-audit tally beside the day's.
DROP TRIGGER reason_place_insert;
DROP TRIGGER reason_place_delete;

DELIMITER $$
CREATE PROCEDURE count_reason(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
                              IN p_code VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        INSERT INTO place_cell
        SELECT r.audit_id, r.review_date, 'reason', p_code, p_sign FROM review r
        WHERE r.id = p_review AND r.submitted AND r.first_of_day AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'
        ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);
        INSERT INTO audit_place_cell
        SELECT r.audit_id, 'reason', p_code, r.case_id MOD 8, p_sign FROM review r
        WHERE r.id = p_review AND r.submitted AND r.first_of_day AND NOT r.withdrawn AND r.outcome = 'DOES_NOT_QUALIFY'
        ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);
    END IF;
END$$
DELIMITER ;

-- 2. The internal export's case rows. The export numbered each patient-day's reviews and worked out
-- its agreed outcome with window functions over the whole audit, so MariaDB sorted a million rows
-- before the first left. `case_row` holds, per review, what that query worked out: whether the row is
-- exported (submitted, case not withdrawn), its number in its patient-day, its criteria and reasons
-- as the export writes them and the patient-day's agreed outcome, with the case number and the
-- review's own exported columns (so the read needs no lookup of the review by its random id), in
-- the export's order: its primary key, so the export reads the table itself in order (a row that is
-- not exported has number 0). The export joins each row to its case.
-- Every review has one row (a draft too, not listed), made when the review is and kept by triggers
-- on the reviews, their criteria and reasons and the decisions: each recomputes the one patient-day
-- (or the one review's codes) it touched, as it stands at that moment, so the last write of a
-- statement leaves the day right whatever the order of the rows.
CREATE TABLE case_row (
    review_id       VARCHAR(36)  NOT NULL,
    audit_id        BIGINT       NOT NULL,
    case_id         BIGINT       NOT NULL,
    case_number     VARCHAR(32)  NOT NULL,
    review_date     DATE         NOT NULL,
    listed          BOOLEAN      NOT NULL,
    review_number   BIGINT       NOT NULL DEFAULT 0,
    criteria_met    TEXT,
    reasons         TEXT,
    agreed_outcome  VARCHAR(20),
    decided_first   VARCHAR(20),
    decided_outcome VARCHAR(20),
    settled         BIGINT,
    ward            VARCHAR(100),
    specialty       VARCHAR(100),
    age_band        VARCHAR(16),
    stay_band       VARCHAR(8),
    reviewer_sector VARCHAR(16),
    outcome         VARCHAR(20),
    overridden      VARCHAR(3),
    alternative     VARCHAR(40),
    PRIMARY KEY (audit_id, listed, review_date, case_number, review_number, review_id),
    CONSTRAINT uq_case_row_review UNIQUE (review_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chair's decisions as the cumulative "as agreed" figures count them (summary/agreed.sql), rolled
-- up per audit: by the first review's outcome and the decision's, how many patient-days were decided
-- and how many disagreeing second reviews those decisions settle. Each decided patient-day's part is
-- kept on its first review's case row (decided_first, decided_outcome, settled); the procedure that
-- writes a patient-day's case rows takes their old part out of these cells and puts the new one in.
CREATE TABLE audit_decision_cell (
    audit_id         BIGINT      NOT NULL,
    first_outcome    VARCHAR(20) NOT NULL,
    decided_outcome  VARCHAR(20) NOT NULL,
    slot             TINYINT     NOT NULL,
    decided          BIGINT      NOT NULL,
    settled          BIGINT      NOT NULL,
    PRIMARY KEY (audit_id, first_outcome, decided_outcome, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Existing reviews, worked out by the export's old query over every audit at once.
INSERT INTO case_row
SELECT r.id, r.audit_id, r.case_id, c.case_number, r.review_date, r.submitted AND NOT r.withdrawn,
       IF(r.submitted AND NOT r.withdrawn, ROW_NUMBER() OVER day_of_case, 0),
       (SELECT GROUP_CONCAT(rc.code ORDER BY rc.code SEPARATOR ';') FROM review_criterion rc WHERE rc.review_id = r.id),
       (SELECT GROUP_CONCAT(rr.code ORDER BY rr.code SEPARATOR ';') FROM review_reason rr WHERE rr.review_id = r.id),
       IF(r.submitted AND NOT r.withdrawn,
          COALESCE(d.outcome, IF(MIN(r.outcome) OVER same_day = MAX(r.outcome) OVER same_day, r.outcome, 'UNRESOLVED')),
          NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL, r.outcome, NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL, d.outcome, NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL,
          (SELECT COUNT(*) FROM review s WHERE s.case_id = r.case_id AND s.review_date = r.review_date
             AND s.submitted AND NOT s.first_of_day AND s.outcome <> r.outcome), NULL),
       r.ward, r.specialty, r.age_band, r.stay_band, r.reviewer_sector, r.outcome,
       IF(r.override_outcome IS NULL, 'no', 'yes'), r.alternative
FROM review r
JOIN patient_case c ON c.id = r.case_id
LEFT JOIN debrief db ON db.audit_id = r.audit_id AND db.debrief_date = r.review_date
LEFT JOIN decision d ON d.debrief_id = db.id AND d.case_id = r.case_id
WINDOW same_day AS (PARTITION BY r.case_id, r.review_date, r.submitted AND NOT r.withdrawn),
       day_of_case AS (PARTITION BY r.case_id, r.review_date, r.submitted AND NOT r.withdrawn
                       ORDER BY r.first_of_day DESC, r.submitted_at, r.id);

INSERT INTO audit_decision_cell
SELECT audit_id, decided_first, decided_outcome, 0, COUNT(*), SUM(settled) FROM case_row
WHERE decided_outcome IS NOT NULL GROUP BY 1, 2, 3;

DELIMITER $$
-- A patient-day's decided part counted into the decision cells with a sign, as its case rows hold it.
CREATE PROCEDURE count_decision_cells(IN p_case BIGINT, IN p_day DATE, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO audit_decision_cell
    SELECT k.audit_id, k.decided_first, k.decided_outcome, k.case_id MOD 8, p_sign, p_sign * k.settled
    FROM review l JOIN case_row k ON k.review_id = l.id
    WHERE l.case_id = p_case AND l.review_date = p_day AND k.decided_outcome IS NOT NULL
    ON DUPLICATE KEY UPDATE audit_decision_cell.decided = audit_decision_cell.decided + VALUES(decided),
        audit_decision_cell.settled = audit_decision_cell.settled + VALUES(settled)$$

-- One patient-day's case rows as its reviews, their codes and its decision now stand.
CREATE PROCEDURE write_case_rows(IN p_case BIGINT, IN p_day DATE)
    MODIFIES SQL DATA
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        CALL count_decision_cells(p_case, p_day, -1);
        UPDATE case_row k
        JOIN (SELECT l.id, l.submitted AND NOT l.withdrawn AS listed, l.outcome, d.outcome AS decided,
                     l.ward, l.specialty, l.age_band, l.stay_band, l.reviewer_sector, l.override_outcome, l.alternative,
                     l.first_of_day AND NOT l.withdrawn AND d.id IS NOT NULL AS decided_first,
                     (SELECT COUNT(*) FROM review s WHERE s.case_id = l.case_id AND s.review_date = l.review_date
                        AND s.submitted AND NOT s.first_of_day AND s.outcome <> l.outcome) AS settled,
                     ROW_NUMBER() OVER day_of_case AS n,
                     MIN(l.outcome) OVER same_day AS lowest, MAX(l.outcome) OVER same_day AS highest,
                     (SELECT GROUP_CONCAT(rc.code ORDER BY rc.code SEPARATOR ';') FROM review_criterion rc
                      WHERE rc.review_id = l.id) AS criteria_met,
                     (SELECT GROUP_CONCAT(rr.code ORDER BY rr.code SEPARATOR ';') FROM review_reason rr
                      WHERE rr.review_id = l.id) AS reasons
              FROM review l
              LEFT JOIN debrief db ON db.audit_id = l.audit_id AND db.debrief_date = l.review_date
              LEFT JOIN decision d ON d.debrief_id = db.id AND d.case_id = l.case_id
              WHERE l.case_id = p_case AND l.review_date = p_day
              WINDOW same_day AS (PARTITION BY l.submitted AND NOT l.withdrawn),
                     day_of_case AS (PARTITION BY l.submitted AND NOT l.withdrawn
                                     ORDER BY l.first_of_day DESC, l.submitted_at, l.id)) x
          ON x.id = k.review_id
        SET k.review_date = p_day, k.listed = x.listed, k.review_number = IF(x.listed, x.n, 0),
            k.criteria_met = x.criteria_met, k.reasons = x.reasons,
            k.agreed_outcome = IF(x.listed, COALESCE(x.decided, IF(x.lowest = x.highest, x.outcome, 'UNRESOLVED')), NULL),
            k.decided_first = IF(x.decided_first, x.outcome, NULL), k.decided_outcome = IF(x.decided_first, x.decided, NULL),
            k.settled = IF(x.decided_first, x.settled, NULL),
            k.ward = x.ward, k.specialty = x.specialty, k.age_band = x.age_band, k.stay_band = x.stay_band,
            k.reviewer_sector = x.reviewer_sector, k.outcome = x.outcome,
            k.overridden = IF(x.override_outcome IS NULL, 'no', 'yes'), k.alternative = x.alternative;
        CALL count_decision_cells(p_case, p_day, 1);
    END IF;
END$$

CREATE PROCEDURE write_case_row_codes(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci)
    MODIFIES SQL DATA
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        UPDATE case_row k
        SET k.criteria_met = (SELECT GROUP_CONCAT(rc.code ORDER BY rc.code SEPARATOR ';') FROM review_criterion rc
                              WHERE rc.review_id = p_review),
            k.reasons = (SELECT GROUP_CONCAT(rr.code ORDER BY rr.code SEPARATOR ';') FROM review_reason rr
                         WHERE rr.review_id = p_review)
        WHERE k.review_id = p_review;
    END IF;
END$$

CREATE TRIGGER review_case_row_insert AFTER INSERT ON review FOR EACH ROW FOLLOWS review_cells_insert
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        INSERT INTO case_row (review_id, audit_id, case_id, case_number, review_date, listed)
        SELECT NEW.id, NEW.audit_id, NEW.case_id, c.case_number, NEW.review_date, FALSE
        FROM patient_case c WHERE c.id = NEW.case_id;
        CALL write_case_rows(NEW.case_id, NEW.review_date);
    END IF;
END$$

CREATE TRIGGER review_case_row_update AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_cells_update_new
BEGIN
    CALL write_case_rows(NEW.case_id, NEW.review_date);
    IF OLD.review_date <> NEW.review_date OR OLD.case_id <> NEW.case_id THEN
        CALL write_case_rows(OLD.case_id, OLD.review_date);
    END IF;
END$$

CREATE TRIGGER review_case_row_delete AFTER DELETE ON review FOR EACH ROW
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        INSERT INTO audit_decision_cell
        SELECT k.audit_id, k.decided_first, k.decided_outcome, k.case_id MOD 8, -1, -k.settled FROM case_row k
        WHERE k.review_id = OLD.id AND k.decided_outcome IS NOT NULL
        ON DUPLICATE KEY UPDATE audit_decision_cell.decided = audit_decision_cell.decided + VALUES(decided),
        audit_decision_cell.settled = audit_decision_cell.settled + VALUES(settled);
        DELETE FROM case_row WHERE review_id = OLD.id;
        CALL write_case_rows(OLD.case_id, OLD.review_date);
    END IF;
END$$

CREATE TRIGGER reason_place_insert AFTER INSERT ON review_reason FOR EACH ROW
BEGIN
    CALL count_reason(NEW.review_id, NEW.code, 1);
    CALL write_case_row_codes(NEW.review_id);
END$$

CREATE TRIGGER reason_place_delete AFTER DELETE ON review_reason FOR EACH ROW
BEGIN
    CALL count_reason(OLD.review_id, OLD.code, -1);
    CALL write_case_row_codes(OLD.review_id);
END$$

CREATE TRIGGER criterion_case_row_insert AFTER INSERT ON review_criterion FOR EACH ROW
    CALL write_case_row_codes(NEW.review_id)$$

CREATE TRIGGER criterion_case_row_delete AFTER DELETE ON review_criterion FOR EACH ROW
    CALL write_case_row_codes(OLD.review_id)$$

-- A decision changes its patient-day's agreed outcome.
CREATE PROCEDURE write_decided_case_rows(IN p_case BIGINT, IN p_debrief BIGINT)
    MODIFIES SQL DATA
BEGIN
    DECLARE v_day DATE;
    SELECT debrief_date INTO v_day FROM debrief WHERE id = p_debrief;
    CALL write_case_rows(p_case, v_day);
END$$

CREATE TRIGGER decision_case_row_insert AFTER INSERT ON decision FOR EACH ROW
    CALL write_decided_case_rows(NEW.case_id, NEW.debrief_id)$$

CREATE TRIGGER decision_case_row_update AFTER UPDATE ON decision FOR EACH ROW
BEGIN
    CALL write_decided_case_rows(NEW.case_id, NEW.debrief_id);
    IF OLD.case_id <> NEW.case_id OR OLD.debrief_id <> NEW.debrief_id THEN
        CALL write_decided_case_rows(OLD.case_id, OLD.debrief_id);
    END IF;
END$$

CREATE TRIGGER decision_case_row_delete AFTER DELETE ON decision FOR EACH ROW
    CALL write_decided_case_rows(OLD.case_id, OLD.debrief_id)$$
DELIMITER ;
