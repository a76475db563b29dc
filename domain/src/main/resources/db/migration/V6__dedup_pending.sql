-- The records the next deduplication pass starts from (loaded or corrected since the last
-- pass) move from a flag on source_record to a narrow table of their ids: marking a million
-- new records as seen rewrote a million wide rows; emptying this table deletes narrow ones.
create table dedup_pending (
    source_record_id bigint not null primary key references source_record (id) on delete cascade
);

insert into dedup_pending (source_record_id) select id from source_record where deduplicated = false;

alter table source_record drop column deduplicated;
