-- Training and calibration: synthetic training cases with the panel's reference answer, the
-- reviewers' answers to them, an audit's training rounds and its readiness rule.
-- Codes are kept sorted and joined by commas: a criteria file's codes never hold a comma.

CREATE TABLE training_case (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    criteria_set_id        BIGINT         NOT NULL,
    title                  VARCHAR(300)   NOT NULL,
    notes                  TEXT           NOT NULL,
    ward                   VARCHAR(100),
    specialty              VARCHAR(100),
    age_band               VARCHAR(16),
    sex                    VARCHAR(16),
    days_since_admission   INT,
    ref_criteria_met       VARCHAR(1000)  NOT NULL,
    ref_override_outcome   VARCHAR(20),
    ref_override_reason    VARCHAR(2000),
    ref_alternative        VARCHAR(40),
    ref_reasons            VARCHAR(1000)  NOT NULL,
    ref_outcome            VARCHAR(20)    NOT NULL,
    written_by             VARCHAR(64)    NOT NULL,
    created_at             DATETIME(6)    NOT NULL,
    CONSTRAINT uq_training_case_title UNIQUE (criteria_set_id, title),
    CONSTRAINT fk_training_case_set FOREIGN KEY (criteria_set_id) REFERENCES criteria_set (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An audit's rounds; before the first one opened by the lead, round 1 runs from the beginning.
CREATE TABLE training_round (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id    BIGINT       NOT NULL,
    number      INT          NOT NULL,
    opened_by   VARCHAR(64)  NOT NULL,
    opened_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_training_round UNIQUE (audit_id, number),
    CONSTRAINT fk_training_round_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every answer is kept; the one that counts for a round is the person's answer given since it opened.
CREATE TABLE training_answer (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    training_case_id   BIGINT        NOT NULL,
    user_id            BIGINT        NOT NULL,
    criteria_met       VARCHAR(1000) NOT NULL,
    override_outcome   VARCHAR(20),
    override_reason    VARCHAR(2000),
    alternative        VARCHAR(40),
    reasons            VARCHAR(1000) NOT NULL,
    outcome            VARCHAR(20)   NOT NULL,
    answered_at        DATETIME(6)   NOT NULL,
    INDEX ix_training_answer_user (user_id, training_case_id, answered_at),
    CONSTRAINT fk_training_answer_case FOREIGN KEY (training_case_id) REFERENCES training_case (id),
    CONSTRAINT fk_training_answer_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE readiness_rule (
    audit_id        BIGINT        NOT NULL PRIMARY KEY,
    min_cases       INT           NOT NULL,
    min_kappa       DECIMAL(5,3)  NOT NULL,
    min_agreement   DECIMAL(5,3)  NOT NULL,
    required        BOOLEAN       NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_readiness_rule_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
