-- Rebuilds one audit's summary, place and pair cells from its reviews, after a bulk load that set
-- @bestplace_bulk_load. The generator runs these statements; bench/export pipes them to mariadb.
-- The same counts as the procedures of migrations V20 and V22 make row by row: a withdrawn case's
-- reviews count nowhere.
DELETE FROM summary_cell WHERE audit_id = :audit;
INSERT INTO summary_cell
SELECT audit_id, review_date, ward, specialty, reviewer_sector, age_band, stay_band,
       SUM(first_of_day), SUM(first_of_day AND outcome = 'DOES_NOT_QUALIFY'), COUNT(*),
       SUM(override_outcome IS NOT NULL)
FROM review WHERE audit_id = :audit AND submitted = TRUE AND withdrawn = FALSE
GROUP BY 1, 2, 3, 4, 5, 6, 7;
DELETE FROM place_cell WHERE audit_id = :audit;
INSERT INTO place_cell
SELECT audit_id, review_date, 'alternative' AS kind, alternative, COUNT(*) FROM review
WHERE audit_id = :audit AND submitted = TRUE AND first_of_day = TRUE AND outcome = 'DOES_NOT_QUALIFY'
  AND alternative IS NOT NULL AND withdrawn = FALSE
GROUP BY audit_id, review_date, alternative;
INSERT INTO place_cell
SELECT r.audit_id, r.review_date, 'reason' AS kind, rr.code, COUNT(*) FROM review r JOIN review_reason rr ON rr.review_id = r.id
WHERE r.audit_id = :audit AND r.submitted = TRUE AND r.first_of_day = TRUE AND r.outcome = 'DOES_NOT_QUALIFY'
  AND r.withdrawn = FALSE
GROUP BY r.audit_id, r.review_date, rr.code;
DELETE FROM pair_cell WHERE audit_id = :audit;
INSERT INTO pair_cell
SELECT s.audit_id, s.review_date, r.outcome, s.outcome, r.reviewer_sector, s.reviewer_sector, COUNT(*)
FROM review s JOIN review r ON r.case_id = s.case_id AND r.review_date = s.review_date AND r.first_of_day = TRUE
     AND r.withdrawn = FALSE
WHERE s.audit_id = :audit AND s.submitted = TRUE AND s.first_of_day = FALSE AND s.withdrawn = FALSE
GROUP BY 1, 2, 3, 4, 5, 6;
