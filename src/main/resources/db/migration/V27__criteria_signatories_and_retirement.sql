-- A sector's signatory signs with their own name and role, beside the account that signed;
-- a set is retired with a reason, kept with who retired it and when.
ALTER TABLE criteria_ratification
    ADD COLUMN signatory_name VARCHAR(200) NULL,
    ADD COLUMN signatory_role VARCHAR(200) NULL;

ALTER TABLE criteria_set
    ADD COLUMN retired_reason VARCHAR(1000) NULL,
    ADD COLUMN retired_by     VARCHAR(100)  NULL,
    ADD COLUMN retired_at     DATETIME(6)   NULL;
