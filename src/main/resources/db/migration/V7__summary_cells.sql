-- Counts for the daily summary kept as reviews are written, so a summary reads a few thousand
-- cells instead of every review of the audit. A cell is one combination of day, ward,
-- specialty, first reviewer's sector, age band and stay band. `reviewed` and `not_qualifying`
-- count first submitted reviews (patient-days); `reviews` and `overrides` count every
-- submitted review. Triggers on `review` keep the cells true whatever writes the row.
CREATE TABLE summary_cell (
    audit_id         BIGINT       NOT NULL,
    review_date      DATE         NOT NULL,
    ward             VARCHAR(100) NOT NULL,
    specialty        VARCHAR(100) NOT NULL,
    reviewer_sector  VARCHAR(16)  NOT NULL,
    age_band         VARCHAR(16)  NOT NULL,
    stay_band        VARCHAR(8)   NOT NULL,
    reviewed         BIGINT       NOT NULL,
    not_qualifying   BIGINT       NOT NULL,
    reviews          BIGINT       NOT NULL,
    overrides        BIGINT       NOT NULL,
    PRIMARY KEY (audit_id, review_date, ward, specialty, reviewer_sector, age_band, stay_band)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO summary_cell
SELECT audit_id, review_date, ward, specialty, reviewer_sector, age_band,
       CASE WHEN stay_days <= 6 THEN '0-6' WHEN stay_days <= 13 THEN '7-13' WHEN stay_days <= 20 THEN '14-20'
            ELSE '21+' END,
       SUM(first_of_day), SUM(first_of_day AND outcome = 'DOES_NOT_QUALIFY'), COUNT(*),
       SUM(override_outcome IS NOT NULL)
FROM review WHERE submitted = TRUE
GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TRIGGER review_cell_insert AFTER INSERT ON review FOR EACH ROW
    INSERT INTO summary_cell VALUES (NEW.audit_id, NEW.review_date, NEW.ward, NEW.specialty, NEW.reviewer_sector,
        NEW.age_band, CASE WHEN NEW.stay_days <= 6 THEN '0-6' WHEN NEW.stay_days <= 13 THEN '7-13'
                           WHEN NEW.stay_days <= 20 THEN '14-20' ELSE '21+' END,
        NEW.submitted AND NEW.first_of_day, NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY',
        NEW.submitted, NEW.submitted AND NEW.override_outcome IS NOT NULL)
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_update_old AFTER UPDATE ON review FOR EACH ROW
    INSERT INTO summary_cell VALUES (OLD.audit_id, OLD.review_date, OLD.ward, OLD.specialty, OLD.reviewer_sector,
        OLD.age_band, CASE WHEN OLD.stay_days <= 6 THEN '0-6' WHEN OLD.stay_days <= 13 THEN '7-13'
                           WHEN OLD.stay_days <= 20 THEN '14-20' ELSE '21+' END,
        -(OLD.submitted AND OLD.first_of_day), -(OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'),
        -OLD.submitted, -(OLD.submitted AND OLD.override_outcome IS NOT NULL))
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_update_new AFTER UPDATE ON review FOR EACH ROW FOLLOWS review_cell_update_old
    INSERT INTO summary_cell VALUES (NEW.audit_id, NEW.review_date, NEW.ward, NEW.specialty, NEW.reviewer_sector,
        NEW.age_band, CASE WHEN NEW.stay_days <= 6 THEN '0-6' WHEN NEW.stay_days <= 13 THEN '7-13'
                           WHEN NEW.stay_days <= 20 THEN '14-20' ELSE '21+' END,
        NEW.submitted AND NEW.first_of_day, NEW.submitted AND NEW.first_of_day AND NEW.outcome = 'DOES_NOT_QUALIFY',
        NEW.submitted, NEW.submitted AND NEW.override_outcome IS NOT NULL)
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);

CREATE TRIGGER review_cell_delete AFTER DELETE ON review FOR EACH ROW
    INSERT INTO summary_cell VALUES (OLD.audit_id, OLD.review_date, OLD.ward, OLD.specialty, OLD.reviewer_sector,
        OLD.age_band, CASE WHEN OLD.stay_days <= 6 THEN '0-6' WHEN OLD.stay_days <= 13 THEN '7-13'
                           WHEN OLD.stay_days <= 20 THEN '14-20' ELSE '21+' END,
        -(OLD.submitted AND OLD.first_of_day), -(OLD.submitted AND OLD.first_of_day AND OLD.outcome = 'DOES_NOT_QUALIFY'),
        -OLD.submitted, -(OLD.submitted AND OLD.override_outcome IS NOT NULL))
    ON DUPLICATE KEY UPDATE reviewed = reviewed + VALUES(reviewed),
        not_qualifying = not_qualifying + VALUES(not_qualifying), reviews = reviews + VALUES(reviews),
        overrides = overrides + VALUES(overrides);
