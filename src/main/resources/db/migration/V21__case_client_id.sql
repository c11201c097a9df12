-- A tablet registering a patient (perhaps offline, through its outbox) makes the case's id
-- itself, so a registration sent twice makes one case: the second send finds the first.
ALTER TABLE patient_case ADD COLUMN client_id VARCHAR(36) NULL;
ALTER TABLE patient_case ADD CONSTRAINT uq_case_client_id UNIQUE (client_id);
