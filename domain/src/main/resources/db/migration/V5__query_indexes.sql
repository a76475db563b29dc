-- Indexes for the API's reads (docs/benchmarks.md, "GraphQL API"). Plain multi-column
-- indexes: the same statements run on H2 and PostgreSQL.

-- An organization's page walks the incidents in date order and tests each for the
-- organization: with the organization in the index the test reads the index alone.
-- Replaces the index on incident_id, which is its prefix.
create index ix_incident_perpetrator_incident_org on incident_perpetrator (incident_id, organization_id);
drop index ix_incident_perpetrator_incident;

-- A rare organization's page reads its incident ids from the index alone. Replaces the
-- index on organization_id, which is its prefix.
create index ix_incident_perpetrator_org_incident on incident_perpetrator (organization_id, incident_id);
drop index ix_incident_perpetrator_organization;

-- Statistics over a period: the incidents overlapping it (date_end >= from and
-- date_start <= to) with the region and the casualties they add up, from the index alone
-- (no INCLUDE: H2 has none, and as key columns they serve the same).
create index ix_incident_period on incident (date_end, date_start, region_id, killed, injured);
