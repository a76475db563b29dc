-- How the loaded file writes its rows (RowLayout as JSON: kind, CSV delimiter, header), kept
-- once per run so that a source record's raw_record turns back into its column -> value
-- pairs. Null for runs before this migration: their records answer with their text only.
alter table ingest_run add column row_layout varchar;
