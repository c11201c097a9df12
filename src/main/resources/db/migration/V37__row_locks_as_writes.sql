-- A write lock that a Galera cluster sees. SELECT ... FOR UPDATE locks a row only on the node
-- that runs it: two transactions on two nodes both "hold" it and both commit, so two reviews of
-- one patient-day sent to two nodes at once could both be ranked first of the day. A lock taken
-- by changing the row is part of the transaction's write set, so the second of two such
-- transactions to reach certification is refused (as a deadlock, 1213) and run again, and then
-- reads what the first stored. On a single server it is the same row lock as before.
ALTER TABLE patient_case ADD COLUMN lock_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN lock_count BIGINT NOT NULL DEFAULT 0;
