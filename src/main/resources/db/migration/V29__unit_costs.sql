-- An audit's unit costs, entered by its lead or a commissioner with the source they used: a cost
-- per acute bed-day and a cost per day in each alternative place of care that has one. The product
-- ships none; the commissioning brief prices its bed-days only once they are entered.
CREATE TABLE unit_costs (
    audit_id        BIGINT         NOT NULL PRIMARY KEY,
    currency        VARCHAR(3)     NOT NULL,
    source          VARCHAR(500)   NOT NULL,
    acute_bed_day   DECIMAL(12,2)  NOT NULL,
    entered_by      VARCHAR(64)    NOT NULL,
    entered_at      DATETIME(6)    NOT NULL,
    CONSTRAINT fk_unit_costs_audit FOREIGN KEY (audit_id) REFERENCES audit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit_cost_alternative (
    audit_id       BIGINT         NOT NULL,
    code           VARCHAR(40)    NOT NULL,
    cost_per_day   DECIMAL(12,2)  NOT NULL,
    PRIMARY KEY (audit_id, code),
    CONSTRAINT fk_unit_cost_alternative FOREIGN KEY (audit_id) REFERENCES unit_costs (audit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
