-- Who did what, when and from where: sign-ins and failures, views of case-level pages,
-- exports, debrief sign-offs and reopenings, criteria ratifications, role changes.
-- Append-only: the triggers below refuse every UPDATE and DELETE, whoever asks.
CREATE TABLE activity_log (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)   NOT NULL,
    username        VARCHAR(64),
    event           VARCHAR(40)   NOT NULL,
    audit_id        BIGINT,
    detail          VARCHAR(1000) NOT NULL,
    remote_address  VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_activity_time ON activity_log (occurred_at);
CREATE INDEX ix_activity_audit ON activity_log (audit_id, occurred_at);
CREATE INDEX ix_activity_user ON activity_log (username, event, occurred_at);

CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The activity log is append-only: rows cannot be changed.';

CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The activity log is append-only: rows cannot be deleted.';
