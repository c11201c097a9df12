-- The case's sex kept on its case rows (V33), so the internal export reads case_row alone. Joined
-- to patient_case by its id, a million case rows cost a million random primary-key lookups: two
-- thirds of the query's time in the database (BENCHMARKS.md, "Where the export's time goes").
-- The row takes the sex when it is made (the case is read there already, for its number), and a
-- correction of the sex changes the rows of the case's reviews.
ALTER TABLE case_row ADD COLUMN sex VARCHAR(16);

UPDATE case_row k JOIN patient_case c ON c.id = k.case_id SET k.sex = c.sex;

DROP TRIGGER review_case_row_insert;

DELIMITER $$
CREATE TRIGGER review_case_row_insert AFTER INSERT ON review FOR EACH ROW FOLLOWS review_cells_insert
BEGIN
    IF @bestplace_bulk_load IS NULL THEN
        INSERT INTO case_row (review_id, audit_id, case_id, case_number, review_date, listed, sex)
        SELECT NEW.id, NEW.audit_id, NEW.case_id, c.case_number, NEW.review_date, FALSE, c.sex
        FROM patient_case c WHERE c.id = NEW.case_id;
        CALL write_case_rows(NEW.case_id, NEW.review_date);
    END IF;
END$$

-- Every other change of a case (its lock count on each review, V37) leaves its case rows alone.
CREATE TRIGGER patient_case_case_row_update AFTER UPDATE ON patient_case FOR EACH ROW
BEGIN
    IF NOT (OLD.sex <=> NEW.sex) THEN
        UPDATE case_row k JOIN review r ON r.id = k.review_id SET k.sex = NEW.sex WHERE r.case_id = NEW.id;
    END IF;
END$$
DELIMITER ;
