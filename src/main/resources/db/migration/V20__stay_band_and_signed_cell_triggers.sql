-- The stay band of a review, defined here and nowhere else: the NHS long-stay thresholds of 7, 14
-- and 21 days over the length of stay on the review's day of care (`stay_days`, see V3). It is a
-- virtual column, so adding it rewrites no rows; the cells, their rebuild and the case rows all
-- read it, and the service orders the bands by the number each label starts with.
ALTER TABLE review
    ADD COLUMN stay_band VARCHAR(8) AS (CASE WHEN stay_days <= 6 THEN '0-6' WHEN stay_days <= 13 THEN '7-13'
                                             WHEN stay_days <= 20 THEN '14-20' ELSE '21+' END) VIRTUAL;

-- The summary, place and pair cells of V7, V8 and V10 were kept by twelve triggers, four copies of
-- each family's body (new row on insert, old and new row on update, old row on delete). Now each
-- family's body is one procedure that counts one review row into its cells with a sign: +1 for a row
-- as it now stands, -1 for a row about to change or go. The review is read from the table by id, so
-- the -1 runs BEFORE the update or delete (the row still holds its old values) and the +1 AFTER the
-- insert or update. Row by row, a statement that changes several reviews of one day takes away each
-- row's old pairs and adds its new ones against the rows already changed, as the old triggers did.
-- Bulk loaders still set @bestplace_bulk_load and rebuild the cells afterwards (sql/cells/rebuild.sql).
DROP TRIGGER review_cell_insert;
DROP TRIGGER review_cell_update_old;
DROP TRIGGER review_cell_update_new;
DROP TRIGGER review_cell_delete;
DROP TRIGGER review_place_insert;
DROP TRIGGER review_place_update_old;
DROP TRIGGER review_place_update_new;
DROP TRIGGER review_place_delete;
DROP TRIGGER review_pair_insert;
DROP TRIGGER review_pair_update_old;
DROP TRIGGER review_pair_update_new;
DROP TRIGGER review_pair_delete;

-- Every review counts in its summary cell (a draft with zeros); submitted ones in `reviews`,
-- first ones of their patient-day in `reviewed`.
CREATE PROCEDURE count_summary_cell(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO summary_cell
    SELECT r.audit_id, r.review_date, r.ward, r.specialty, r.reviewer_sector, r.age_band, r.stay_band,
           p_sign * (r.submitted AND r.first_of_day),
           p_sign * (r.submitted AND r.first_of_day AND r.outcome = 'DOES_NOT_QUALIFY'),
           p_sign * r.submitted, p_sign * (r.submitted AND r.override_outcome IS NOT NULL)
    FROM review r WHERE r.id = p_review
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

-- The alternative and the reasons of a first review that found the patient did not qualify. A new
-- review has no reasons yet; the reason triggers of V8 count reasons written or removed later.
CREATE PROCEDURE count_place_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO place_cell
    SELECT r.audit_id, r.review_date, p.kind, p.code, p_sign
    FROM review r
    JOIN (SELECT 'alternative' AS kind, a.alternative AS code FROM review a
          WHERE a.id = p_review AND a.alternative IS NOT NULL
          UNION ALL
          SELECT 'reason', rr.code FROM review_reason rr WHERE rr.review_id = p_review) p
    WHERE r.id = p_review AND r.submitted AND r.first_of_day AND r.outcome = 'DOES_NOT_QUALIFY'
    ON DUPLICATE KEY UPDATE tally = tally + VALUES(tally);

-- The pairs a review makes with the other reviews of its patient-day: a later submitted review
-- with the day's first, or the first with each later submitted one.
CREATE PROCEDURE count_pair_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
    INSERT INTO pair_cell
    SELECT r.audit_id, r.review_date,
           IF(r.first_of_day, r.outcome, o.outcome), IF(r.first_of_day, o.outcome, r.outcome),
           IF(r.first_of_day, r.reviewer_sector, o.reviewer_sector),
           IF(r.first_of_day, o.reviewer_sector, r.reviewer_sector), p_sign
    FROM review r
    JOIN review o ON o.case_id = r.case_id AND o.review_date = r.review_date AND o.id <> r.id
    WHERE r.id = p_review
      AND ((r.submitted AND NOT r.first_of_day AND o.first_of_day)
           OR (r.first_of_day AND o.submitted AND NOT o.first_of_day))
    ON DUPLICATE KEY UPDATE pairs = pairs + VALUES(pairs);

DELIMITER $$
CREATE PROCEDURE count_review_cells(IN p_review VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, IN p_sign INT)
    MODIFIES SQL DATA
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        CALL count_summary_cell(p_review, p_sign);
        CALL count_place_cells(p_review, p_sign);
        CALL count_pair_cells(p_review, p_sign);
    END IF;
END$$
DELIMITER ;

CREATE TRIGGER review_cells_insert AFTER INSERT ON review FOR EACH ROW CALL count_review_cells(NEW.id, 1);
CREATE TRIGGER review_cells_update_old BEFORE UPDATE ON review FOR EACH ROW CALL count_review_cells(OLD.id, -1);
CREATE TRIGGER review_cells_update_new AFTER UPDATE ON review FOR EACH ROW CALL count_review_cells(NEW.id, 1);
CREATE TRIGGER review_cells_delete BEFORE DELETE ON review FOR EACH ROW CALL count_review_cells(OLD.id, -1);
