-- Every decision the chair records on a case, in order: a later decision replaces the current
-- one in `decision` but the earlier ones stay here. Append-only, like the activity log.
CREATE TABLE decision_history (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id  BIGINT        NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    alternative  VARCHAR(40),
    reason       VARCHAR(2000) NOT NULL,
    decided_by   VARCHAR(64)   NOT NULL,
    decided_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_decision_history_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_decision_history ON decision_history (decision_id, decided_at);

INSERT INTO decision_history (decision_id, outcome, alternative, reason, decided_by, decided_at)
SELECT id, outcome, alternative, reason, decided_by, decided_at FROM decision;

CREATE TRIGGER decision_history_no_update BEFORE UPDATE ON decision_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Decision history is append-only: rows cannot be changed.';

CREATE TRIGGER decision_history_no_delete BEFORE DELETE ON decision_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Decision history is append-only: rows cannot be deleted.';
