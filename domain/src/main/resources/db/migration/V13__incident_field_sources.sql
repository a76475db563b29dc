-- Which source record gave each group of a canonical incident's fields ("according to
-- whom"): the date, the place, the killed figures and the injured figure may come from
-- different records (Precedence). Set by whoever writes the incident's fields: the ETL for
-- a record's own incident, deduplication for a cluster. No foreign key, like
-- origin_source_record_id: records and incidents are rewritten in either order.
alter table incident add column date_record_id bigint;
alter table incident add column place_record_id bigint;
alter table incident add column killed_record_id bigint;
alter table incident add column injured_record_id bigint;

-- An incident with one source record took everything from it. Incidents of several
-- records stay null (not known) until deduplication next rewrites them.
update incident set date_record_id = (select min(sr.id) from source_record sr where sr.incident_id = incident.id)
where (select count(*) from source_record sr where sr.incident_id = incident.id) = 1;
update incident set place_record_id = date_record_id, killed_record_id = date_record_id,
    injured_record_id = date_record_id
where date_record_id is not null;
