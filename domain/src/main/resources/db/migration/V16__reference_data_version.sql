-- The version of the reference data (organizations and aliases, regions, dialogues, reports,
-- documents): every load of it adds 1 in its own transaction, so that the API's ETags change
-- when the ETL's `reference` command loads it (the incidents have data_version, the curation
-- mutations the audit log).
create table reference_data_state (
    id       integer primary key,
    version  bigint  not null
);
insert into reference_data_state (id, version) values (1, 1);
