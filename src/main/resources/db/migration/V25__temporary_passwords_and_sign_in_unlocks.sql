-- A password an administrator set for someone (a new account, a forgotten password) must be
-- replaced by the person at their next sign-in; until then only their own account answers.
ALTER TABLE app_user ADD COLUMN password_must_change BOOLEAN NOT NULL DEFAULT FALSE;
-- When an administrator last lifted the sign-in throttle's lock on this user: failed sign-ins
-- before it no longer count (the failures themselves stay in the append-only activity log).
ALTER TABLE app_user ADD COLUMN sign_in_unlocked_at DATETIME(6) NULL;
