#!/usr/bin/env bash
# Deduplication benchmark: N synthetic source records of two datasets, a known share of them
# planted duplicates, deduplicated by `dedupe --all` on PostgreSQL. See docs/deduplication.md.
set -euo pipefail

usage() {
	cat <<'USAGE'
Usage: etl/src/bench/dedupe-benchmark.sh [options]

Creates a fresh PostgreSQL database, migrates it with the ETL (`reference`), generates N
source records in SQL: dataset bench-a (N/2 events) and dataset bench-b (N/2 records, of
which --duplicates share re-report a bench-a event: same country (one of 40), date shifted by 0 or 1
day, coordinates moved by up to ~2 km, killed changed by up to 20%, a third classified as a
clash), each with its own single-source incident as an ingest leaves them. Then runs
`dedupe --all` and prints records/s, the JVM's peak RSS, and precision and recall of the
links between bench-a and bench-b against the planted pairs.

Options:
  --rows N            source records to generate (default 1000000)
  --duplicates SHARE  share of bench-b records that duplicate a bench-a event (default 0.3)
  --pg-url URL        JDBC URL of the database to create, use and drop
                      (default jdbc:postgresql://127.0.0.1:5432/incidentintel_dedupe_bench)
  --pg-user USER      PostgreSQL user (default postgres; PGPASSWORD for a password)
  --jar PATH          the ETL jar (default etl/target/incidentintel-etl.jar)
  --java-opts OPTS    JVM options for the ETL, e.g. "-Xmx1g" (default none)
  --seed S            generator seed, between -1 and 1 (default 0.42)
  --keep              keep the database
  -h, --help          this help

Needs java 17+, psql, and /usr/bin/time for the peak RSS. Builds nothing: build the jar with
  ./mvnw -q install -DskipTests -Dspring-javaformat.skip=true
USAGE
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/../../.." && pwd)

rows=1000000
duplicates=0.3
pg_url="jdbc:postgresql://127.0.0.1:5432/incidentintel_dedupe_bench"
pg_user=postgres
jar="$repo_dir/etl/target/incidentintel-etl.jar"
java_opts=""
seed=0.42
keep=false

while [[ $# -gt 0 ]]; do
	case "$1" in
	--rows) rows=$2; shift 2 ;;
	--duplicates) duplicates=$2; shift 2 ;;
	--pg-url) pg_url=$2; shift 2 ;;
	--pg-user) pg_user=$2; shift 2 ;;
	--jar) jar=$2; shift 2 ;;
	--java-opts) java_opts=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--keep) keep=true; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
	esac
done

[[ -f "$jar" ]] || { echo "no ETL jar at $jar: build it first (see --help)" >&2; exit 2; }
[[ "$pg_url" =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([A-Za-z0-9_]+)$ ]] \
	|| { echo "--pg-url must look like jdbc:postgresql://host:port/database" >&2; exit 2; }
pg_host=${BASH_REMATCH[1]}
pg_port=${BASH_REMATCH[3]:-5432}
database=${BASH_REMATCH[4]}
psql_in() { psql -q -X -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" "$@"; }

half=$((rows / 2))
echo "== $rows records: $half bench-a, $half bench-b (duplicates share $duplicates); database $database"
psql_in -d postgres -c "drop database if exists $database" -c "create database $database"
cleanup() {
	if [[ "$keep" == false ]]; then
		psql_in -d postgres -c "drop database if exists $database" || true
	fi
}
trap cleanup EXIT

export INCIDENTINTEL_DB_URL="$pg_url" INCIDENTINTEL_DB_USER="$pg_user" INCIDENTINTEL_DB_PASSWORD="${PGPASSWORD:-}"
# shellcheck disable=SC2086
java $java_opts -jar "$jar" reference >/dev/null

started=$(date +%s)
psql_in -d "$database" <<SQL
select setseed($seed);
insert into ingest_run (dataset, file_name, file_checksum, status, started_at, read_count, inserted_count,
    updated_count, unchanged_count, rejected_count)
values ('bench', 'synthetic', repeat('0', 64), 'COMPLETED', now(), $rows, $rows, 0, 0, 0);

-- The events of bench-a: 40 countries, 20 years, a 5-by-5-degree box each (about 1.7 events
-- per country and day in each dataset at 1,000,000 records: dense, yet rarely two unrelated
-- events on one day within the distance limit).
create temporary table country_code as
select 'X' || chr(65 + n / 26) || chr(65 + n % 26) as code from generate_series(0, 39) as n;
create temporary table event as
select i,
       (select array_agg(code) from country_code)[1 + (i % 40)] as country,
       date '2000-01-01' + (random() * 7300)::int as day,
       (i % 40) + random() * 5 as latitude,
       (i % 40) * 2 + random() * 5 as longitude,
       (random() * random() * 60)::int as killed,
       'town ' || (random() * 3000)::int as place
from generate_series(1, $half) as i;

insert into source_record (dataset, source_record_id, file_checksum, ingest_run_id, content_hash, date_start,
    date_end, date_precision, kind, country, place, latitude, longitude, killed, raw_record)
select 'bench-a', 'a' || i, repeat('0', 64), (select max(id) from ingest_run), md5('a' || i), day, day, 'DAY',
       'ATTACK', country, place, latitude, longitude, killed, 'synthetic'
from event;

-- bench-b: the first share re-reports bench-a events, the rest are events of their own.
insert into source_record (dataset, source_record_id, file_checksum, ingest_run_id, content_hash, date_start,
    date_end, date_precision, kind, country, place, latitude, longitude, killed, raw_record)
select 'bench-b', 'd' || i, repeat('0', 64), (select max(id) from ingest_run), md5('d' || i),
       day + shift, day + shift, 'DAY', case when random() < 0.33 then 'CLASH' else 'ATTACK' end, country,
       case when random() < 0.5 then place end, latitude + (random() - 0.5) * 0.03,
       longitude + (random() - 0.5) * 0.03, greatest(0, round(killed * (0.8 + random() * 0.4)))::int,
       'synthetic'
from (select e.*, case when random() < 0.2 then 1 else 0 end as shift from event e
      where i <= ($half * $duplicates)::int) planted;

insert into source_record (dataset, source_record_id, file_checksum, ingest_run_id, content_hash, date_start,
    date_end, date_precision, kind, country, place, latitude, longitude, killed, raw_record)
select 'bench-b', 'n' || i, repeat('0', 64), (select max(id) from ingest_run), md5('n' || i), day, day, 'DAY',
       'ATTACK', country, place, latitude, longitude, killed, 'synthetic'
from (select i, (select array_agg(code) from country_code)[1 + (i % 40)] as country,
             date '2000-01-01' + (random() * 7300)::int as day,
             (i % 40) + random() * 5 as latitude,
             (i % 40) * 2 + random() * 5 as longitude,
             (random() * random() * 60)::int as killed, 'town ' || (random() * 3000)::int as place
      from generate_series(($half * $duplicates)::int + 1, $half) as i) own;

-- One single-source incident per record, as an ingest leaves them.
insert into incident (date_start, date_end, date_precision, kind, country, place, latitude, longitude, killed,
    origin_source_record_id, created_at, updated_at)
select date_start, date_end, date_precision, kind, country, place, latitude, longitude, killed, id, now(), now()
from source_record;
update source_record s set incident_id = i.id, match_score = 1.0, match_evidence = '{"rule":"single-source"}'
from incident i where i.origin_source_record_id = s.id;
analyze;
SQL
echo "generated in $(($(date +%s) - started)) s"

time_file=$(mktemp)
started=$(date +%s%N)
# shellcheck disable=SC2086
/usr/bin/time -v -o "$time_file" java $java_opts -jar "$jar" dedupe --all --json >"$time_file.out"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
summary=$(tail -1 "$time_file.out")
dedupe_ms=$(sed -E 's/.*"millis":([0-9]+).*/\1/' <<<"$summary")
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$time_file")

read -r planted linked right < <(psql_in -d "$database" -At -F ' ' <<SQL
select (select count(*) from source_record where dataset = 'bench-b' and source_record_id like 'd%'),
       count(*),
       count(*) filter (where b.source_record_id = 'd' || substr(a.source_record_id, 2))
from source_record a join source_record b on b.incident_id = a.incident_id and b.dataset = 'bench-b'
where a.dataset = 'bench-a';
SQL
)
rm -f "$time_file" "$time_file.out"

echo "summary: $summary"
awk -v rows="$rows" -v ms="$dedupe_ms" -v total="$elapsed_ms" -v rss="$rss_kb" -v planted="$planted" \
	-v linked="$linked" -v right="$right" 'BEGIN {
	printf "dedupe --all: %d records in %.1f s = %.0f records/s (JVM total %.1f s), peak RSS %d MB\n",
		rows, ms / 1000, rows / (ms / 1000), total / 1000, rss / 1024
	printf "planted pairs %d, linked pairs %d, right %d: precision %.4f, recall %.4f\n",
		planted, linked, right, (linked ? right / linked : 0), (planted ? right / planted : 0)
}'
