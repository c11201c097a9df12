-- The daily debrief: one per audit day, its attendees, actions, the chair's decisions and
-- any reopening after sign-off.

CREATE TABLE debrief (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id        BIGINT         NOT NULL,
    debrief_date    DATE           NOT NULL,
    opened_by       VARCHAR(64)    NOT NULL,
    opened_at       DATETIME(6)    NOT NULL,
    notes           VARCHAR(10000),
    signed_off_by   VARCHAR(64),
    signed_off_at   DATETIME(6),
    version         BIGINT         NOT NULL,
    CONSTRAINT uq_debrief_day UNIQUE (audit_id, debrief_date),
    CONSTRAINT fk_debrief_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE debrief_attendee (
    debrief_id  BIGINT       NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(200) NOT NULL,
    sector      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (debrief_id, position),
    CONSTRAINT fk_attendee_debrief FOREIGN KEY (debrief_id) REFERENCES debrief (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE debrief_action (
    debrief_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (debrief_id, position),
    CONSTRAINT fk_action_debrief FOREIGN KEY (debrief_id) REFERENCES debrief (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chair's decision on a case for that day; it never alters the reviewers' own reviews.
CREATE TABLE decision (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    debrief_id   BIGINT        NOT NULL,
    case_id      BIGINT        NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    alternative  VARCHAR(40),
    reason       VARCHAR(2000) NOT NULL,
    decided_by   VARCHAR(64)   NOT NULL,
    decided_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT uq_decision_case UNIQUE (debrief_id, case_id),
    CONSTRAINT fk_decision_debrief FOREIGN KEY (debrief_id) REFERENCES debrief (id),
    CONSTRAINT fk_decision_case FOREIGN KEY (case_id) REFERENCES patient_case (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE debrief_reopening (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    debrief_id         BIGINT        NOT NULL,
    reopened_by        VARCHAR(64)   NOT NULL,
    reopened_at        DATETIME(6)   NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    was_signed_off_by  VARCHAR(64)   NOT NULL,
    was_signed_off_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_reopening_debrief FOREIGN KEY (debrief_id) REFERENCES debrief (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_review_case_date ON review (case_id, review_date, submitted);
