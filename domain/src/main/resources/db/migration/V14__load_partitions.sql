-- The partitions of a partitioned load (`ingest --partitions N`): each a range of the
-- file's records, [first_row, end_row) as the reader counts them (end_row null: to the
-- end of the file), and how far its own load has got: the records of its range it has
-- consumed and its tally, written in the transaction of each of its chunks, with the
-- run's total in load_checkpoint. The plan is written once, before any partition starts,
-- so a restart reads the same ranges whatever Spring Batch's partition contexts hold.
create table load_partition (
    ingest_run_id   bigint  not null references ingest_run (id) on delete cascade,
    partition_index integer not null,
    first_row       bigint  not null,
    end_row         bigint,
    rows_consumed   bigint  not null,
    tally           text    not null,
    primary key (ingest_run_id, partition_index)
);
