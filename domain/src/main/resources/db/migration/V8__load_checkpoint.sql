-- Where a load stands: the source rows it has consumed and its tally (rows by outcome,
-- rejects by reason, warnings, unresolved names), written in the transaction of each
-- chunk it describes, so a restart reads exactly what was committed. Spring Batch's step
-- execution context cannot be that record: Batch 6 stores a restarted step's inherited
-- context only with its first chunk, and a restart killed before then leaves the next
-- one an empty context (it would read the file from the start and write rejects twice).
create table load_checkpoint (
    ingest_run_id bigint not null primary key references ingest_run (id) on delete cascade,
    rows_consumed bigint not null,
    tally         text   not null
);
