-- Alternatives and reasons of the first reviews that found the patient did not qualify, from the
-- place cells (migration V8) per day, or rolled up per audit (V33): {places} is place_cell or
-- audit_place_cell. {days} is the days filter.
select p.kind, p.code, sum(p.tally) from {places} p
where p.audit_id = :audit {days}
group by p.kind, p.code having sum(p.tally) > 0
