-- Pre-aggregated incident statistics ("cells", docs/architecture.md): the API answers
-- incidentStatistics from them when its filter and grouping read only the columns kept here
-- and the cells are fresh; else it groups the incidents live. Rebuilt whole, set-based, by
-- org.incidentintel.domain.statistics.IncidentStatisticsCells.

-- One row per day range, country, region, region at the event and kind. The key columns
-- carry the names of table incident's columns, so the API's filter SQL (alias i) runs on
-- both tables. killed and injured are the sums of the known values (0 when none is), and
-- killed_known / injured_known count them: a sum is unknown (null) when no value is known,
-- as SQL's sum over the incidents is. No foreign keys: the cells are derived data.
create table incident_statistics_cell (
    date_start          date        not null,
    date_end            date        not null,
    country             varchar(3)  not null,
    region_id           bigint,
    region_at_event_id  bigint,
    kind                varchar(30) not null,
    incidents           integer     not null,
    killed              bigint      not null,
    killed_known        integer     not null,
    injured             bigint      not null,
    injured_known       integer     not null
);
-- A period's cells (date_end >= from and date_start <= to), as ix_incident_period does
create index ix_incident_statistics_cell_period on incident_statistics_cell (date_end, date_start);

-- The same cells summed per month: date_start and date_end hold the first day of the month
-- of the incidents' date_start and date_end. A comparison "date >= the first day of a
-- month" or "date <= the last day of a month" is true of a date exactly when it is true of
-- the first day of its month, so a filter whose every date is such a bound (the API's
-- IncidentFilterSql, Condition.monthBounds) selects the same incidents here; grouping by
-- year, quarter or month of date_start too. Rebuilt from the day cells in the same
-- transaction, under the same versions.
create table incident_statistics_month_cell (
    date_start          date        not null,
    date_end            date        not null,
    country             varchar(3)  not null,
    region_id           bigint,
    region_at_event_id  bigint,
    kind                varchar(30) not null,
    incidents           integer     not null,
    killed              bigint      not null,
    killed_known        integer     not null,
    injured             bigint      not null,
    injured_known       integer     not null
);
create index ix_incident_statistics_month_cell_period on incident_statistics_month_cell (date_end, date_start);

-- Freshness: every writer of incident rows adds 1 to data_version in its own transaction; a
-- refresh sets cells_version to the data_version it read before rebuilding. The cells are
-- used only while both are equal. Starts stale: the first refresh builds the cells.
create table incident_statistics_state (
    id             integer primary key,
    data_version   bigint  not null,
    cells_version  bigint  not null
);
insert into incident_statistics_state (id, data_version, cells_version) values (1, 1, 0);

-- The row refreshes lock (select ... for update) to run one at a time; apart from the state
-- row, so that writers' increments never wait for a rebuild.
create table incident_statistics_refresh (
    id  integer primary key
);
insert into incident_statistics_refresh (id) values (1);
