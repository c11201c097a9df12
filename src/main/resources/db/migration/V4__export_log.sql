-- Who exported what from an audit, when, in which format and mode. Rows are only ever added.
CREATE TABLE export_log (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id        BIGINT       NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    mode            VARCHAR(16)  NOT NULL,
    exported_at     DATETIME(6)  NOT NULL,
    remote_address  VARCHAR(64),
    CONSTRAINT fk_export_log_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_export_log_audit ON export_log (audit_id, exported_at);
