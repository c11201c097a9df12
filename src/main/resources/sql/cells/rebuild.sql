-- Rebuilds one audit's summary, place and pair cells, their rolled-up cells, its case rows and its
-- decision cells from its reviews, after a bulk load that set @bestplace_bulk_load. The generator runs these statements;
-- bench/export pipes them to mariadb. The same counts as the procedures of migrations V20, V22 and V33
-- make row by row: a withdrawn case's reviews count nowhere. Rolled-up cells are all written to slot 0
-- (a read sums the slots). The case rows are worked out row by row from each patient-day's few reviews
-- (by index) rather than with window functions over the audit, so a million reviews need no sort
-- and no temporary table; the result is the same (CaseRowsTest).
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
DELETE FROM summary_margin WHERE audit_id = :audit;
INSERT INTO summary_margin
SELECT c.audit_id, c.review_date, d.dimension,
       CASE d.dimension WHEN 'ward' THEN c.ward WHEN 'specialty' THEN c.specialty WHEN 'sector' THEN c.reviewer_sector
                        WHEN 'age_band' THEN c.age_band ELSE c.stay_band END,
       0, SUM(c.reviewed), SUM(c.not_qualifying), SUM(c.reviews), SUM(c.overrides)
FROM summary_cell c JOIN summary_dimension d WHERE c.audit_id = :audit
GROUP BY 1, 2, 3, 4;
DELETE FROM audit_summary_margin WHERE audit_id = :audit;
INSERT INTO audit_summary_margin
SELECT audit_id, dimension, label, 0, SUM(reviewed), SUM(not_qualifying), SUM(reviews), SUM(overrides)
FROM summary_margin WHERE audit_id = :audit GROUP BY 1, 2, 3;
DELETE FROM audit_place_cell WHERE audit_id = :audit;
INSERT INTO audit_place_cell
SELECT audit_id, kind, code, 0, SUM(tally) FROM place_cell WHERE audit_id = :audit GROUP BY 1, 2, 3;
DELETE FROM audit_pair_cell WHERE audit_id = :audit;
INSERT INTO audit_pair_cell
SELECT audit_id, first_outcome, second_outcome, first_sector, second_sector, 0, SUM(pairs)
FROM pair_cell WHERE audit_id = :audit GROUP BY 1, 2, 3, 4, 5;
DELETE FROM case_row WHERE audit_id = :audit;
INSERT INTO case_row
SELECT r.id, r.audit_id, r.case_id, c.case_number, r.review_date, r.submitted AND NOT r.withdrawn,
       IF(r.submitted AND NOT r.withdrawn,
          IF(r.first_of_day, 1,
             1 + (SELECT COUNT(*) FROM review l WHERE l.case_id = r.case_id AND l.review_date = r.review_date
                    AND l.submitted AND (l.first_of_day OR l.submitted_at < r.submitted_at
                                         OR (l.submitted_at = r.submitted_at AND l.id < r.id)))),
          0),
       (SELECT GROUP_CONCAT(rc.code ORDER BY rc.code SEPARATOR ';') FROM review_criterion rc WHERE rc.review_id = r.id),
       (SELECT GROUP_CONCAT(rr.code ORDER BY rr.code SEPARATOR ';') FROM review_reason rr WHERE rr.review_id = r.id),
       IF(r.submitted AND NOT r.withdrawn,
          COALESCE(d.outcome, IF((SELECT MIN(l.outcome) = MAX(l.outcome) FROM review l WHERE l.case_id = r.case_id
                                    AND l.review_date = r.review_date AND l.submitted), r.outcome, 'UNRESOLVED')),
          NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL, r.outcome, NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL, d.outcome, NULL),
       IF(r.first_of_day AND NOT r.withdrawn AND d.id IS NOT NULL,
          (SELECT COUNT(*) FROM review s WHERE s.case_id = r.case_id AND s.review_date = r.review_date
             AND s.submitted AND NOT s.first_of_day AND s.outcome <> r.outcome), NULL),
       r.ward, r.specialty, r.age_band, r.stay_band, r.reviewer_sector, r.outcome,
       IF(r.override_outcome IS NULL, 'no', 'yes'), r.alternative, c.sex
FROM review r
JOIN patient_case c ON c.id = r.case_id
LEFT JOIN debrief db ON db.audit_id = r.audit_id AND db.debrief_date = r.review_date
LEFT JOIN decision d ON d.debrief_id = db.id AND d.case_id = r.case_id
WHERE r.audit_id = :audit;
DELETE FROM audit_decision_cell WHERE audit_id = :audit;
INSERT INTO audit_decision_cell
SELECT audit_id, decided_first, decided_outcome, 0, COUNT(*), SUM(settled) FROM case_row
WHERE audit_id = :audit AND decided_outcome IS NOT NULL GROUP BY 1, 2, 3;
