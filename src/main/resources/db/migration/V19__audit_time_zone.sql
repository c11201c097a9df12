-- An audit's days are the days of its own time zone; audits made before this keep UK time,
-- which is what their pages already showed.
ALTER TABLE audit ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'Europe/London';
