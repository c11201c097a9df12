-- Submitted reviews and how many were overridden, from the summary cells. {days} is the days filter.
select coalesce(sum(c.reviews), 0), coalesce(sum(c.overrides), 0) from summary_cell c
where c.audit_id = :audit {days}
