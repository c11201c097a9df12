-- Programmes: audits of many hospitals on one criteria set, read together. A programme holds
-- audits (each may be in several programmes) and its own team: programme leads, who read it.

CREATE TABLE programme (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    title       VARCHAR(300)  NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE programme_audit (
    programme_id  BIGINT NOT NULL,
    audit_id      BIGINT NOT NULL,
    PRIMARY KEY (programme_id, audit_id),
    INDEX ix_programme_audit_audit (audit_id),
    CONSTRAINT fk_programme_audit_programme FOREIGN KEY (programme_id) REFERENCES programme (id),
    CONSTRAINT fk_programme_audit_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE programme_member (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    programme_id  BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    added_by      VARCHAR(64)   NOT NULL,
    added_at      DATETIME(6)   NOT NULL,
    UNIQUE KEY uq_programme_member (programme_id, user_id, role),
    INDEX ix_programme_member_user (user_id),
    CONSTRAINT fk_programme_member_programme FOREIGN KEY (programme_id) REFERENCES programme (id),
    CONSTRAINT fk_programme_member_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
