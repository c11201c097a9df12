-- Submitted reviews and how many were overridden, from the rolled-up summary cells of one dimension
-- (every submitted review is under one sector). {margins} and {days} as in margins.sql.
select coalesce(sum(m.reviews), 0), coalesce(sum(m.overrides), 0) from {margins} m
where m.audit_id = :audit and m.dimension = 'sector' {days}
