-- A decision may record the reasons for delay the debrief agreed (codes of the audit's criteria
-- set), kept with the decision and with each version of it in the history.
CREATE TABLE decision_delay_reason (
    decision_id  BIGINT       NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    PRIMARY KEY (decision_id, code),
    CONSTRAINT fk_delay_reason_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE decision_history_delay_reason (
    history_id   BIGINT       NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    PRIMARY KEY (history_id, code),
    CONSTRAINT fk_history_delay_reason FOREIGN KEY (history_id) REFERENCES decision_history (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER decision_history_delay_reason_no_update BEFORE UPDATE ON decision_history_delay_reason
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Decision history is append-only: rows cannot be changed.';

CREATE TRIGGER decision_history_delay_reason_no_delete BEFORE DELETE ON decision_history_delay_reason
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Decision history is append-only: rows cannot be deleted.';

-- An attendee is someone on the audit's team (their username kept, so the form can tick them
-- again) or someone else who came, from an organisation outside the three sectors: social care,
-- a GP practice. Such a person may have no sector, but then has an organisation.
ALTER TABLE debrief_attendee
    ADD COLUMN username VARCHAR(64) NULL,
    ADD COLUMN organisation VARCHAR(200) NULL,
    MODIFY sector VARCHAR(16) NULL;
