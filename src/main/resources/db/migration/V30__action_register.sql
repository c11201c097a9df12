-- The action register: what a named owner in one sector agreed to do about a finding, and every
-- step of it since (status changes, notes, commissioning decisions), kept append-only.
-- Reason codes are kept sorted-as-given and joined by commas: a criteria file's codes never hold a comma.

CREATE TABLE audit_action (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id       BIGINT         NOT NULL,
    title          VARCHAR(1000)  NOT NULL,
    finding        VARCHAR(2000)  NOT NULL,
    reason_codes   VARCHAR(1000)  NOT NULL,
    owner_sector   VARCHAR(16)    NOT NULL,
    owner          VARCHAR(200)   NOT NULL,
    due_date       DATE           NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    debrief_id     BIGINT,
    decision_text  VARCHAR(2000),
    decided_by     VARCHAR(200),
    decided_on     DATE,
    created_by     VARCHAR(64)    NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    version        BIGINT         NOT NULL,
    INDEX ix_audit_action_audit (audit_id, id),
    CONSTRAINT fk_audit_action_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT fk_audit_action_debrief FOREIGN KEY (debrief_id) REFERENCES debrief (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_action_update (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    action_id       BIGINT         NOT NULL,
    updated_by      VARCHAR(64)    NOT NULL,
    updated_at      DATETIME(6)    NOT NULL,
    note            VARCHAR(2000)  NOT NULL,
    status_before   VARCHAR(16),
    status_after    VARCHAR(16)    NOT NULL,
    decision_text   VARCHAR(2000),
    decided_by      VARCHAR(200),
    decided_on      DATE,
    INDEX ix_audit_action_update (action_id, id),
    CONSTRAINT fk_audit_action_update_action FOREIGN KEY (action_id) REFERENCES audit_action (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_action_update_no_update BEFORE UPDATE ON audit_action_update FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An action''s history is append-only: rows cannot be changed.';

CREATE TRIGGER audit_action_update_no_delete BEFORE DELETE ON audit_action_update FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An action''s history is append-only: rows cannot be deleted.';

-- Existing debrief action lines become register entries. A line names no owner or due date, so
-- the entry is owned by the chair who opened the debrief (by display name, sector HOSPITAL: the
-- debrief is the hospital's meeting, chaired by its medical director), due four weeks after the debrief, OPEN, addressing no reason code until
-- someone says which; its first history step says where it came from. The lines stay in the
-- debrief too: they are part of its minutes. A line already in the register (the same debrief
-- and title) is not copied again.
INSERT INTO audit_action (audit_id, title, finding, reason_codes, owner_sector, owner, due_date, status,
                          debrief_id, created_by, created_at, version)
SELECT d.audit_id, a.text, CONCAT('From the debrief of ', DATE_FORMAT(d.debrief_date, '%Y-%m-%d')), '',
       'HOSPITAL', COALESCE(u.display_name, d.opened_by), DATE_ADD(d.debrief_date, INTERVAL 28 DAY), 'OPEN', d.id, d.opened_by,
       d.opened_at, 0
FROM debrief_action a
JOIN debrief d ON d.id = a.debrief_id
LEFT JOIN app_user u ON u.username = d.opened_by
WHERE NOT EXISTS (SELECT 1 FROM audit_action x WHERE x.debrief_id = d.id AND x.title = a.text)
ORDER BY d.audit_id, d.debrief_date, a.position;

INSERT INTO audit_action_update (action_id, updated_by, updated_at, note, status_before, status_after)
SELECT x.id, x.created_by, x.created_at,
       'Moved from the action lines of the debrief; owner and due date to be confirmed.', NULL, 'OPEN'
FROM audit_action x
LEFT JOIN audit_action_update u ON u.action_id = x.id
WHERE x.debrief_id IS NOT NULL AND u.id IS NULL;
