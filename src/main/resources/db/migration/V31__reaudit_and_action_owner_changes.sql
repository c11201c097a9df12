-- A re-audit names the audit it repeats (same criteria set family, overlapping wards: checked by
-- the service); its results and brief then report the change against it.
ALTER TABLE audit ADD COLUMN repeats_audit_id BIGINT NULL,
    ADD CONSTRAINT fk_audit_repeats FOREIGN KEY (repeats_audit_id) REFERENCES audit (id);

-- An update of an action may also hand it to another owner or sector, or move its due date; the
-- step keeps what each was before and after (null on both sides where it did not change).
ALTER TABLE audit_action_update
    ADD COLUMN owner_before        VARCHAR(200) NULL,
    ADD COLUMN owner_after         VARCHAR(200) NULL,
    ADD COLUMN owner_sector_before VARCHAR(16)  NULL,
    ADD COLUMN owner_sector_after  VARCHAR(16)  NULL,
    ADD COLUMN due_date_before     DATE         NULL,
    ADD COLUMN due_date_after      DATE         NULL;
