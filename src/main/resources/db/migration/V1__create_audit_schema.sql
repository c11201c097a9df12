-- Bestplace schema, version 1: users, consensus criteria sets, audits, teams, cases, reviews.
-- Flyway owns the schema; Hibernate only validates it.

CREATE TABLE app_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    organisation   VARCHAR(200) NOT NULL,
    sector         VARCHAR(16)  NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE criteria_set (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    set_id         VARCHAR(100) NOT NULL,
    version        VARCHAR(40)  NOT NULL,
    title          VARCHAR(300) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    content_hash   VARCHAR(64)     NOT NULL,
    content        MEDIUMTEXT   NOT NULL,
    source         VARCHAR(300) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_criteria_set UNIQUE (set_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE criteria_ratification (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    criteria_set_id  BIGINT      NOT NULL,
    sector           VARCHAR(16) NOT NULL,
    signed_by        VARCHAR(200) NOT NULL,
    signed_at        DATETIME(6) NOT NULL,
    CONSTRAINT uq_ratification UNIQUE (criteria_set_id, sector),
    CONSTRAINT fk_ratification_set FOREIGN KEY (criteria_set_id) REFERENCES criteria_set (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    title              VARCHAR(300)  NOT NULL,
    question           VARCHAR(2000) NOT NULL,
    site               VARCHAR(200)  NOT NULL,
    start_date         DATE          NOT NULL,
    end_date           DATE          NOT NULL,
    criteria_set_id    BIGINT        NOT NULL,
    criteria_hash      VARCHAR(64)      NOT NULL,
    dual_review_rate   DECIMAL(4,3)  NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    next_case_number   INT           NOT NULL,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT fk_audit_criteria_set FOREIGN KEY (criteria_set_id) REFERENCES criteria_set (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_ward (
    audit_id  BIGINT      NOT NULL,
    ward      VARCHAR(100) NOT NULL,
    PRIMARY KEY (audit_id, ward),
    CONSTRAINT fk_audit_ward_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_status_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id     BIGINT       NOT NULL,
    from_status  VARCHAR(16)  NOT NULL,
    to_status    VARCHAR(16)  NOT NULL,
    reason       VARCHAR(2000),
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_status_change_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_member (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    sector     VARCHAR(16) NOT NULL,
    added_by   VARCHAR(64) NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    CONSTRAINT uq_audit_member UNIQUE (audit_id, user_id, role),
    CONSTRAINT fk_member_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT fk_member_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A patient is known only by a pseudonymous case number; the optional local identifier
-- is kept as an HMAC-SHA256 under the service's pseudonymisation key, never in clear.
CREATE TABLE patient_case (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id        BIGINT       NOT NULL,
    case_number     VARCHAR(32)  NOT NULL,
    ward            VARCHAR(100) NOT NULL,
    specialty       VARCHAR(100) NOT NULL,
    age_band        VARCHAR(16)  NOT NULL,
    sex             VARCHAR(16)  NOT NULL,
    admission_date  DATE         NOT NULL,
    local_id_hash   VARCHAR(64),
    created_by      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_case_number UNIQUE (audit_id, case_number),
    CONSTRAINT uq_case_local_id UNIQUE (audit_id, local_id_hash),
    CONSTRAINT fk_case_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_case_audit_ward ON patient_case (audit_id, ward);

-- The review's id is a UUID made by the tablet (kept as text), so a retried PUT finds the same row.
CREATE TABLE review (
    id                VARCHAR(36)      NOT NULL PRIMARY KEY,
    audit_id          BIGINT        NOT NULL,
    case_id           BIGINT        NOT NULL,
    reviewer_id       BIGINT        NOT NULL,
    reviewer_sector   VARCHAR(16)   NOT NULL,
    review_date       DATE          NOT NULL,
    outcome           VARCHAR(20)   NOT NULL,
    override_outcome  VARCHAR(20),
    override_reason   VARCHAR(2000),
    alternative       VARCHAR(40),
    note              VARCHAR(2000),
    flagged           BOOLEAN       NOT NULL,
    submitted         BOOLEAN       NOT NULL,
    submitted_at      DATETIME(6),
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT fk_review_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT fk_review_case FOREIGN KEY (case_id) REFERENCES patient_case (id),
    CONSTRAINT fk_review_reviewer FOREIGN KEY (reviewer_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_review_audit_date ON review (audit_id, review_date, submitted);
CREATE INDEX ix_review_case ON review (case_id);

CREATE TABLE review_criterion (
    review_id  VARCHAR(36)    NOT NULL,
    code       VARCHAR(40) NOT NULL,
    PRIMARY KEY (review_id, code),
    CONSTRAINT fk_review_criterion_review FOREIGN KEY (review_id) REFERENCES review (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE review_reason (
    review_id  VARCHAR(36)    NOT NULL,
    code       VARCHAR(40) NOT NULL,
    PRIMARY KEY (review_id, code),
    CONSTRAINT fk_review_reason_review FOREIGN KEY (review_id) REFERENCES review (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change to a submitted review: who, when, why, and the content before and after.
CREATE TABLE review_history (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    review_id       VARCHAR(36)      NOT NULL,
    from_version    BIGINT        NOT NULL,
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME(6)   NOT NULL,
    change_reason   VARCHAR(2000) NOT NULL,
    before_content  TEXT          NOT NULL,
    after_content   TEXT          NOT NULL,
    CONSTRAINT fk_review_history_review FOREIGN KEY (review_id) REFERENCES review (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_review_history_review ON review_history (review_id);
