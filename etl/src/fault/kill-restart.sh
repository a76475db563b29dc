#!/usr/bin/env bash
# kill -9 proof: a load killed at random moments and restarted ends exactly as a clean load.
# See docs/operations.md, "Fault proofs".
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: etl/src/fault/kill-restart.sh [options]

Loads a file once cleanly and takes a checksum of what the load left in the database. Then,
for each trial, loads the same file into a fresh database, kills the ingest process with
SIGKILL at a random moment of the load, runs `restart` (killing that too, --kills times in
all), lets the last restart finish, and compares the checksum with the clean one.

The checksum (etl/src/fault/FaultDb.java) leaves out ids, run ids, timestamps and paths:
source records (dataset, record id, content hash, line, file checksum), their actors, each
incident as the set of (dataset, record id) reporting it with its dates, kind, country,
casualties, perpetrators, attack types and targets, the rejected rows (line, reason, field)
and the run's final status and counts.

Prints one line per trial and a summary; exits 1 on any mismatch or when a kill found the
load already finished, 2 on a usage error. Every database starts as a copy of one template
holding the reference data, so generated ids (organizations, regions) agree.

Options:
  --rows N          synthetic UCDP GED rows to generate (default 20000), with the generator
                    of etl/src/bench/ingest-benchmark.sh
  --bad-every N     make every Nth generated row invalid (type_of_violence 9: a BAD_CODE
                    reject), so rejects are checked too; 0 for none (default 97)
  --file F          load this file instead of generating one (--rows and --bad-every ignored)
  --format X        format or mapping option for --file, e.g. "--format gtd" (default:
                    "--format ucdp-ged" for the generated file, detected for --file)
  --trials N        trials (default 3)
  --kills N         kills per trial: the ingest, then N-1 restarts (default 2)
  --db h2|URL       h2 (default): H2 files in the work directory, opened as the ETL opens its
                    default database (AUTO_SERVER=TRUE); or a PostgreSQL JDBC URL of a
                    database to connect to, where the trials create and drop their own
                    databases (the user needs CREATEDB)
  --db-user USER    PostgreSQL user (default postgres)
  --db-password PW  PostgreSQL password (default: $PGPASSWORD, else none)
  --jar PATH        the ETL jar (default etl/target/incidentintel-etl.jar)
  --java-opts OPTS  JVM options for the ETL (default -Xmx512m)
  --seed N          seeds the generator and the kill moments (default 42)
  --work DIR        work directory (default ${TMPDIR:-/tmp}/incidentintel-fault)
  --keep            keep the work directory's databases and files
  -h, --help        this help

Needs java 17+ and unzip. Builds nothing: build the jar first with
  ./mvnw -q package -DskipTests -Dspring-javaformat.skip=true
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/../../.." && pwd)

rows=20000
bad_every=97
file=""
format_args=()
format_given=false
trials=3
kills=2
db=h2
db_user=postgres
db_password=${PGPASSWORD:-}
jar="$repo_dir/etl/target/incidentintel-etl.jar"
java_opts="-Xmx512m"
seed=42
work="${TMPDIR:-/tmp}/incidentintel-fault"
keep=false

while [[ $# -gt 0 ]]; do
	case "$1" in
	--rows) rows=$2; shift 2 ;;
	--bad-every) bad_every=$2; shift 2 ;;
	--file) file=$2; shift 2 ;;
	--format) read -r -a format_args <<<"$2"; format_given=true; shift 2 ;;
	--trials) trials=$2; shift 2 ;;
	--kills) kills=$2; shift 2 ;;
	--db) db=$2; shift 2 ;;
	--db-user) db_user=$2; shift 2 ;;
	--db-password) db_password=$2; shift 2 ;;
	--jar) jar=$2; shift 2 ;;
	--java-opts) java_opts=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--keep) keep=true; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
	esac
done

die() {
	echo "kill-restart: $*" >&2
	exit 2
}

[[ $rows =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive integer, not '$rows'"
[[ $bad_every =~ ^[0-9]+$ ]] || die "--bad-every must be a non-negative integer, not '$bad_every'"
[[ $trials =~ ^[1-9][0-9]*$ ]] || die "--trials must be a positive integer, not '$trials'"
[[ $kills =~ ^[1-9][0-9]*$ ]] || die "--kills must be a positive integer, not '$kills'"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer, not '$seed'"
command -v java >/dev/null || die "java (17 or later) is not on the PATH"
command -v unzip >/dev/null || die "unzip is not on the PATH"
[[ -f $jar ]] || die "no ETL jar at $jar; build it with: (cd $repo_dir && ./mvnw -q package -DskipTests -Dspring-javaformat.skip=true)"
[[ -z $file || -f $file ]] || die "no such file: $file"
if [[ $db != h2 ]]; then
	[[ $db =~ ^(jdbc:postgresql://[^/?]+/)([^?]+)(\?.*)?$ ]] ||
		die "--db takes h2 or jdbc:postgresql://HOST[:PORT]/DATABASE, not '$db'"
	pg_prefix=${BASH_REMATCH[1]}
	pg_query=${BASH_REMATCH[3]}
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now() { date +%s.%N; }

# A snapshot of the jar (a rebuild of etl/target during the run must not change what runs),
# its JDBC drivers, and the checksum program compiled once.
cp "$jar" "$work/etl.jar"
rm -rf "$work/lib" "$work/classes"
mkdir -p "$work/lib" "$work/classes"
(cd "$work/lib" && unzip -q -j "$work/etl.jar" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar') ||
	die "the jar holds no H2 or PostgreSQL driver"
javac -d "$work/classes" "$script_dir/FaultDb.java"
faultdb() { java -Xmx2g -cp "$work/classes:$work/lib/*" FaultDb "$@"; }

# --- the input file --------------------------------------------------------------------------

if [[ -z $file ]]; then
	bench="$repo_dir/etl/src/bench/ingest-benchmark.sh"
	# the benchmark's generator, taken from its here-document so there is only one
	awk '/^cat >"\$generator" <<.JAVA.$/ { on = 1; next } /^JAVA$/ { on = 0 } on' "$bench" >"$work/UcdpGedSynthetic.java"
	grep -q 'class UcdpGedSynthetic' "$work/UcdpGedSynthetic.java" || die "no generator found in $bench"
	log "generating $rows synthetic UCDP GED rows (seed $seed, every ${bad_every}th invalid)"
	java -Xmx256m "$work/UcdpGedSynthetic.java" "$rows" "$work/generated.csv" "$seed"
	file="$work/ucdp-ged-$rows.csv"
	# A record's first line starts with its id and relid; its first 19 cells hold no commas.
	awk -F, -v OFS=, -v every="$bad_every" '
		/^1[0-9]+,PAK-/ { n++; if (every > 0 && n % every == 0) { $6 = "9" } }
		{ print }' "$work/generated.csv" >"$file"
	rm -f "$work/generated.csv"
	$format_given || format_args=(--format ucdp-ged)
fi
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")

# --- databases ---------------------------------------------------------------------------------

# db_url NAME: the JDBC URL of database NAME
db_url() {
	if [[ $db == h2 ]]; then
		echo "jdbc:h2:file:$work/db/$1;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=10000"
	else
		echo "$pg_prefix$1$pg_query"
	fi
}
user() { [[ $db == h2 ]] && echo sa || echo "$db_user"; }
password() { [[ $db == h2 ]] && echo "" || echo "$db_password"; }
prefix="fault_$$"

# fresh NAME: database NAME as a copy of the template
fresh() {
	if [[ $db == h2 ]]; then
		rm -f "$work/db/$1".*
		cp "$work/db/${prefix}_template.mv.db" "$work/db/$1.mv.db"
	else
		faultdb exec "$db" "$(user)" "$(password)" "drop database if exists $1" \
			"create database $1 template ${prefix}_template"
	fi
}

drop() {
	if [[ $db == h2 ]]; then
		$keep || rm -f "$work/db/$1".*
	elif ! $keep; then
		faultdb exec "$db" "$(user)" "$(password)" "drop database if exists $1" || true
	fi
}

cleanup() {
	if [[ $db != h2 ]] && ! $keep; then
		for name in $databases; do
			faultdb exec "$db" "$(user)" "$(password)" "drop database if exists $name" >/dev/null 2>&1 || true
		done
	fi
}
databases=""
trap cleanup EXIT

etl() { # etl NAME ARGS...: the ETL on database NAME
	local name=$1
	shift
	# exec: run in the background, the process to kill is java itself, not a subshell
	# shellcheck disable=SC2086
	exec java $java_opts -jar "$work/etl.jar" --db-url "$(db_url "$name")" --db-user "$(user)" \
		--db-password "$(password)" "$@"
}

mkdir -p "$work/db" "$work/logs"
log "template database: schema and reference data"
if [[ $db != h2 ]]; then
	faultdb exec "$db" "$(user)" "$(password)" "drop database if exists ${prefix}_template" \
		"create database ${prefix}_template"
else
	rm -f "$work/db/${prefix}_template".*
fi
databases="${prefix}_template"
(etl "${prefix}_template" reference) >"$work/logs/reference.out" 2>"$work/logs/reference.err" ||
	{ cat "$work/logs/reference.err" >&2; die "the reference load failed"; }

# --- the clean run -----------------------------------------------------------------------------

clean="${prefix}_clean"
databases="$databases $clean"
fresh "$clean"
log "clean load of $(basename "$file")"
t0=$(now)
(etl "$clean" ingest --file "$file" "${format_args[@]}" --json) >"$work/logs/clean.json" 2>"$work/logs/clean.err" ||
	{ tail -n 20 "$work/logs/clean.err" >&2; die "the clean load failed: $(cat "$work/logs/clean.json")"; }
clean_wall=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
job_seconds=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' "$work/logs/clean.json")
rows_read=$(sed -n 's/.*"read":\([0-9]*\).*/\1/p' "$work/logs/clean.json")
expected=$(faultdb checksum "$(db_url "$clean")" "$(user)" "$(password)" "$work/clean.txt")
log "clean: $(sed -n 's/.*"read":\([0-9]*\).*"inserted":\([0-9]*\).*"rejected":\([0-9]*\).*/read \1, inserted \2, rejected \3/p' "$work/logs/clean.json") in ${job_seconds}s (job), ${clean_wall}s (wall)"
log "clean checksum: $expected"
drop "$clean"

# --- the trials --------------------------------------------------------------------------------

RANDOM=$seed
# random N: sets rand to 0..N-1 (no subshell: it would not advance the seeded sequence)
random() { rand=$(((RANDOM * 32768 + RANDOM) % ($1 > 0 ? $1 : 1))); }

# run_and_kill NAME LABEL MARKER MAX-ROWS ARGS...: starts the ETL on database NAME, waits until
# MARKER has been in its stderr for 1.5 s (H2) and its progress (a line per chunk) shows a random
# number of rows below MAX-ROWS read, waits a
# random 0-300 ms more (so the kill lands anywhere in a chunk, its commit included), and
# kills it with SIGKILL. Sets kill_rows (rows read when killed), kill_ms and kill_outcome:
# killed (the process was alive) or finished (it ended first).
run_and_kill() {
	local name=$1 label=$2 marker=$3 max_rows=$4
	shift 4
	local target delay
	random "$max_rows"
	target=$rand
	random 300
	delay=$rand
	(export INCIDENTINTEL_INGEST_PROGRESS_INTERVAL=1ms && etl "$name" "$@") >"$work/logs/$label.out" 2>"$work/logs/$label.err" &
	local pid=$! waited=0 seen=0 started="" hold_ns=0
	[[ $db == h2 ]] && hold_ns=1500000000
	while kill -0 "$pid" 2>/dev/null; do
		if grep -qs "$marker" "$work/logs/$label.err"; then
			[[ -n $started ]] || started=$(date +%s%N)
			# progress lines: "  37.5% of 2.1 MB read, ETA 4s; 7,500 rows, 1,875 rows/s, ..."
			# (or "  7,500 rows, ..." when the reader counts no bytes)
			seen=$(sed -n 's/^\(.*; \| *\)\([0-9][0-9,]*\) rows, .*/\2/p' "$work/logs/$label.err" | tail -n 1 | tr -d ,)
			# H2 writes commits to its file up to a second late (MVStore's autoCommitDelay):
			# a run killed sooner may not be on disk at all, leaving nothing to restart
			((${seen:-0} >= target && $(date +%s%N) - started >= hold_ns)) && break
		fi
		sleep 0.02
		waited=$((waited + 1))
		((waited < 30000)) || die "$label: no progress to $target rows within 10 minutes"
	done
	sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill_rows=${seen:-0}
	kill_ms=$delay
	if kill -KILL "$pid" 2>/dev/null; then
		kill_outcome=killed
	else
		kill_outcome=finished
	fi
	wait "$pid" 2>/dev/null || true
}

mismatches=0
late=0
restart_kills=0
refused=0
for trial in $(seq 1 "$trials"); do
	name="${prefix}_trial$trial"
	databases="$databases $name"
	fresh "$name"
	t0=$(now)
	# the ingest dies before 70% of the rows are read: after that it may finish first
	run_and_kill "$name" "trial$trial-ingest" "loading\.\.\." $((rows_read * 7 / 10)) ingest --file "$file" "${format_args[@]}" --json
	read -r run status < <(faultdb run "$(db_url "$name")" "$(user)" "$(password)"; echo)
	note="ingest killed at $kill_rows rows + $kill_ms ms, run ${run:-?} left $status"
	if [[ $kill_outcome != killed || $status != RUNNING ]]; then
		late=$((late + 1))
		note="ingest NOT killed mid-run ($kill_outcome at $kill_rows rows + $kill_ms ms, run ${run:-?} $status)"
	fi
	if [[ $run != none && $status != COMPLETED ]]; then
		for k in $(seq 2 "$kills"); do
			# a restart reads on from the last commit: any moment of what is left
			run_and_kill "$name" "trial$trial-restart$k" "restarting run" $(((rows_read - kill_rows) * 7 / 10)) \
				restart --run "$run" --json
			if [[ $kill_outcome == killed ]]; then
				restart_kills=$((restart_kills + 1))
				note="$note; restart killed at $kill_rows rows + $kill_ms ms"
			else
				note="$note; restart finished before its kill"
				break
			fi
		done
		read -r run status < <(faultdb run "$(db_url "$name")" "$(user)" "$(password)"; echo)
		# H2 (AUTO_SERVER) may refuse connections, or find its lock file still in use, for a
		# few seconds after a kill: the restart is retried until H2 lets it in, within two
		# minutes (each attempt starts a JVM; on a busy machine that alone takes seconds)
		refusals_until=$(($(date +%s) + 120))
		while [[ $status != COMPLETED ]]; do
			if (etl "$name" restart --run "$run" --json) >"$work/logs/trial$trial-restart.out" \
				2>"$work/logs/trial$trial-restart.err"; then
				break
			fi
			if grep -Eq "Connection refused|Locked by another process" "$work/logs/trial$trial-restart.err" \
				&& (($(date +%s) < refusals_until)); then
				refused=$((refused + 1))
				note="$note; restart refused by H2 ($(grep -Eo "Connection refused|Locked by another process" \
					"$work/logs/trial$trial-restart.err" | head -n 1)), retried"
				sleep 1
				continue
			fi
			note="$note; final restart FAILED: $(tr '\n' ' ' <"$work/logs/trial$trial-restart.out" | cut -c1-300) $(tail -n 3 "$work/logs/trial$trial-restart.err" | tr '\n' ' ')"
			break
		done
	fi
	actual=$(faultdb checksum "$(db_url "$name")" "$(user)" "$(password)" "$work/trial$trial.txt")
	seconds=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }')
	if [[ $actual == "$expected" ]]; then
		echo "trial $trial: same checksum; $note (${seconds}s)"
		$keep || rm -f "$work/trial$trial.txt"
	else
		mismatches=$((mismatches + 1))
		echo "trial $trial: MISMATCH $actual; $note (${seconds}s)"
		diff "$work/clean.txt" "$work/trial$trial.txt" | head -n 20 || true
		echo "  (full texts: $work/clean.txt and $work/trial$trial.txt)"
	fi
	drop "$name"
done

echo "trials: $trials, mismatches: $mismatches, ingest kills that found the load finished: $late, restarts killed: $restart_kills, restarts refused by H2 and retried: $refused"
echo "rows: $rows_read, clean job ${job_seconds}s, database: $([[ $db == h2 ]] && echo H2 || echo "$db"), seed $seed"
cleanup # while FaultDb is still there
databases=""
if ! $keep; then
	rm -rf "$work/db" "$work/lib" "$work/classes" "$work/etl.jar"
	[[ -n ${bench:-} ]] && rm -f "$file"
fi
((mismatches == 0 && late == 0)) || exit 1
