-- A user's e-mail address, optional: a trust's identity provider may name its staff by e-mail,
-- and sign-in through it then finds the Bestplace user by this column.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL AFTER display_name;
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_email UNIQUE (email);
