-- Sign-in sessions kept in the database, so that every copy of the service sees a sign-out, a
-- password change or a deactivation at the next request. The cookie carries a random token; only
-- its SHA-256 is stored, so a copy of this table opens no session.
CREATE TABLE user_session (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id      BIGINT       NOT NULL,
    csrf_token   CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_seen    DATETIME(6)  NOT NULL,
    ended_at     DATETIME(6)  NULL,
    end_reason   VARCHAR(40)  NULL,
    CONSTRAINT uq_user_session_token UNIQUE (token_hash),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX ix_user_session_user (user_id, ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A deactivated user keeps their history but is refused at every door until reactivated.
ALTER TABLE app_user ADD COLUMN deactivated_at DATETIME(6) NULL;
