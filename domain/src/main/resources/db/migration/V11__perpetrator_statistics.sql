-- Pre-aggregated statistics of the incidents of given perpetrators, day grain: how the API
-- answers "an organization's incidents (with its merges and factions), by region, quarter
-- and source" without reading the incidents. Rebuilt with the other cells, in the same
-- transaction and under the same versions (IncidentStatisticsCells).
--
-- An incident's perpetrator set is the sorted list of the organizations that perpetrated it
-- (org.incidentintel.domain.incident.Perpetrators' rule), as text ("1,8,69"). Summing the
-- cells of every set that holds one of a family's organizations counts each incident once,
-- however many of the family's organizations it names: the cells are keyed by the set, not
-- by the organization. Incidents without a resolved perpetrator have no set.

-- Each set's organizations, to find the sets of a family
create table perpetrator_set_member (
    perpetrator_set   varchar(4000) not null,
    organization_id   bigint        not null,
    primary key (organization_id, perpetrator_set)
);

-- One row per perpetrator set, day range (date_start, date_end), country, region, region at
-- the event and kind, as incident_statistics_cell: the API's filter SQL runs on it, and a
-- faction's membership of its movement for a period can be told by day. Rows with
-- whole = true count the incidents with their merged figures; rows with whole = false
-- count them once per dataset that reports them, with that dataset's own figures (the
-- largest of its records' values), dataset null for an incident no record reports.
create table perpetrator_statistics_cell (
    perpetrator_set     varchar(4000) not null,
    whole               boolean       not null,
    dataset             varchar(100),
    date_start          date          not null,
    date_end            date          not null,
    country             varchar(3)    not null,
    region_id           bigint,
    region_at_event_id  bigint,
    kind                varchar(30)   not null,
    incidents           integer       not null,
    killed              bigint        not null,
    killed_known        integer       not null,
    injured             bigint        not null,
    injured_known       integer       not null
);
create index ix_perpetrator_statistics_cell_set on perpetrator_statistics_cell (perpetrator_set, date_end, date_start);

-- The cells are stale until the next refresh builds these too
update incident_statistics_state set cells_version = data_version - 1 where id = 1;
