#!/usr/bin/env bash
# GraphQL API load benchmark: a fixed query mix with wrk at a fixed concurrency, then a sweep of
# lower concurrencies to read the p99 near 80% of the peak, and the SQL statements per request.
# See docs/benchmarks.md, "GraphQL API".
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: api/src/bench/api-benchmark.sh [options]

Runs three GraphQL queries against a running API, one after the other, with wrk (HTTP POST,
one generated Lua script per query):
  page   a filtered page of 50 incidents with their perpetrators (no totalCount)
  stats  incidentStatistics for one year grouped by [REGION, QUARTER]
  org    an organization by alias with its first 20 incidents (no totalCount)
For each: a warm-up, then a measured run at the fixed concurrency (req/s, p50, p90, p99, max,
GraphQL/HTTP errors), then a sweep of lower connection counts (each point's req/s as a share of
the peak, and its p99). wrk is closed-loop (no fixed rate, Debian has no wrk2): the sweep point
nearest 80% of the peak (the highest rate of all runs of the query) stands for "p99 at 80% of
peak throughput".

Then, when the database is reachable with psql, the SQL statements per request: log_statement =
'all' is set on the API's database only (ALTER DATABASE), the API's sessions are ended so its
pool reconnects with it, each query is sent a few times, and the statements PostgreSQL logs for
that database are counted (from the server log, whose prefix must contain %d); then the setting
is reset and the sessions ended again.

Options:
  --url URL               GraphQL endpoint (default http://127.0.0.1:8080/graphql)
  --duration D            measured run per query at the fixed concurrency (default 30s)
  --warmup D              warm-up per query, not measured (default 10s)
  --threads N             wrk threads (default 2)
  --connections N         wrk connections of the fixed-concurrency run (default 16)
  --sweep "N N ..."       connection counts of the lower-rate sweep (default "1 2 4 8"); "" = none
  --sweep-duration D      duration of each sweep point (default 15s)
  --queries "q q ..."     which queries (default "page stats org"; also "headline", the
                          cookbook's headline request)
  --org NAME              the organization alias of the org query (default TTP)
  --region NAME           region of the page query's filter (default "Khyber Pakhtunkhwa")
  --year YYYY             year of the page and statistics filters (default 2012)
  --db NAME               the API's PostgreSQL database, for statement counts and the data size
                          (default incidentintel_apibench); --db "" skips both
  --pg-host H / --pg-port P / --pg-user U   psql connection (default 127.0.0.1 / 5432 / postgres)
  --pg-log FILE           the PostgreSQL server log (default /var/log/postgresql/postgresql-15-main.log)
  --work DIR              where the Lua scripts and raw wrk outputs go (default: a temp dir)
  -h, --help              this help

Needs wrk (Debian: apt-get install -y wrk), curl, awk; psql for the statement counts.
Start the API first, with the rate limit off (wrk is one client: its budget would refuse most
answers, which the runs count as errors), e.g.
  INCIDENTINTEL_DB_URL=jdbc:postgresql://127.0.0.1:5432/incidentintel_apibench \
  INCIDENTINTEL_DB_USER=postgres java -Xmx512m -jar api/target/incidentintel-api.jar \
  --incidentintel.api.rate-limit.enabled=false
EOF
}

url=http://127.0.0.1:8080/graphql
duration=30s
warmup=10s
threads=2
connections=16
sweep="1 2 4 8"
sweep_duration=15s
queries="page stats org"
org=TTP
region="Khyber Pakhtunkhwa"
year=2012
db=incidentintel_apibench
pg_host=127.0.0.1
pg_port=5432
pg_user=postgres
pg_log=/var/log/postgresql/postgresql-15-main.log
work=""

while [[ $# -gt 0 ]]; do
	case "$1" in
	--url) url=$2; shift 2 ;;
	--duration) duration=$2; shift 2 ;;
	--warmup) warmup=$2; shift 2 ;;
	--threads) threads=$2; shift 2 ;;
	--connections) connections=$2; shift 2 ;;
	--sweep) sweep=$2; shift 2 ;;
	--sweep-duration) sweep_duration=$2; shift 2 ;;
	--queries) queries=$2; shift 2 ;;
	--org) org=$2; shift 2 ;;
	--region) region=$2; shift 2 ;;
	--year) year=$2; shift 2 ;;
	--db) db=$2; shift 2 ;;
	--pg-host) pg_host=$2; shift 2 ;;
	--pg-port) pg_port=$2; shift 2 ;;
	--pg-user) pg_user=$2; shift 2 ;;
	--pg-log) pg_log=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
	esac
done

die() {
	echo "api-benchmark: $*" >&2
	exit 2
}
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

command -v wrk >/dev/null || die "wrk is not on the PATH (Debian: apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is not on the PATH"
[[ $threads =~ ^[1-9][0-9]*$ && $connections =~ ^[1-9][0-9]*$ ]] || die "--threads and --connections must be positive integers"
[[ $year =~ ^[0-9]{4}$ ]] || die "--year must be a year"
for q in $queries; do
	[[ $q == page || $q == stats || $q == org || $q == headline ]] || die "unknown query '$q' (page, stats, org, headline)"
done
if [[ -n $db ]]; then
	[[ $db =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "--db must be a plain identifier"
	command -v psql >/dev/null || die "psql is not on the PATH (or pass --db \"\")"
fi

if [[ -z $work ]]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/incidentintel-apibench.XXXXXX")
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)

# --- the queries ---------------------------------------------------------------------------
# JSON string escaping for the few values passed in (quotes and backslashes)
json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

body_page() {
	printf '%s' '{"query":"query page($region: String!, $from: Date!, $to: Date!) { incidents(filter: {region: [$region], date: {from: $from, to: $to}}, first: 50) { pageInfo { hasNextPage endCursor } edges { cursor node { id date kind place casualties { killed injured } perpetrators { name role suspected organization { name acronym } } } } } }",'
	printf '"variables":{"region":"%s","from":"%s-01-01","to":"%s-12-31"}}' "$(json_escape "$region")" "$year" "$year"
}
body_stats() {
	printf '%s' '{"query":"query stats($from: Date!, $to: Date!) { incidentStatistics(filter: {date: {from: $from, to: $to}}, groupBy: [REGION, QUARTER]) { totals { incidents killed injured } buckets { key { region { name } quarter } incidents killed injured incidentsShare killedShare } } }",'
	printf '"variables":{"from":"%s-01-01","to":"%s-12-31"}}' "$year" "$year"
}
body_org() {
	printf '%s' '{"query":"query org($name: String!) { organization(name: $name) { id name acronym incidents(first: 20) { pageInfo { hasNextPage endCursor } edges { node { id date place casualties { killed } } } } } }",'
	printf '"variables":{"name":"%s"}}' "$(json_escape "$org")"
}
# the cookbook's headline request (docs/graphql-cookbook.md, "query Headline"), read from the
# cookbook so that the benchmark and the documentation cannot drift apart
body_headline() {
	local cookbook
	cookbook="$bench_dir/../../../docs/graphql-cookbook.md"
	awk '/^```graphql$/ { block = 1; text = ""; next } block && /^```$/ { if (text ~ /^query Headline/) { printf "%s", text; exit } block = 0; next } block { text = text $0 "\\n" }' "$cookbook" |
		sed -e 's/"/\\"/g' | { printf '{"query":"'; cat; printf '"}'; }
}
describe() {
	case "$1" in
	page) echo "incidents(filter: {region: [\"$region\"], date: $year}, first: 50) with perpetrators (no totalCount)" ;;
	stats) echo "incidentStatistics(filter: {date: $year}, groupBy: [REGION, QUARTER])" ;;
	org) echo "organization(name: \"$org\") { incidents(first: 20) } (no totalCount)" ;;
	headline) echo "the cookbook's Headline: each dialogue threat's incidentStatistics by region at the event, year, quarter, source" ;;
	esac
}

# one Lua file per query: POST the body, count non-200 answers and GraphQL errors, print the
# figures in one parseable line when done
write_lua() {
	local q=$1 file="$work/$1.lua"
	{
		echo 'wrk.method = "POST"'
		echo 'wrk.headers["Content-Type"] = "application/json"'
		echo 'wrk.headers["Accept"] = "application/json"'
		printf 'wrk.body = [==[%s]==]\n' "$(body_"$q")"
		cat <<'LUA'
local threads = {}
function setup(thread)
	table.insert(threads, thread)
end
function init(args)
	bad = 0
end
function response(status, headers, body)
	if status ~= 200 or string.find(body, '"errors"', 1, true) then
		bad = bad + 1
	end
end
function done(summary, latency, requests)
	local bad_total = 0
	for _, t in ipairs(threads) do
		bad_total = bad_total + t:get("bad")
	end
	local e = summary.errors
	local seconds = summary.duration / 1e6
	io.write(string.format(
		"RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f bad=%d socket_errors=%d\n",
		summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
		latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad_total,
		e.connect + e.read + e.write + e.timeout))
end
LUA
	} >"$file"
	body_"$q" >"$work/$q.json"
}

# --- 1. the API answers --------------------------------------------------------------------
for q in $queries; do
	write_lua "$q"
	answer=$(curl -sS --max-time 60 -H 'Content-Type: application/json' --data-binary @"$work/$q.json" "$url") ||
		die "the API at $url does not answer"
	[[ $answer == *'"data"'* && $answer != *'"errors"'* ]] || die "query $q failed: ${answer:0:500}"
	printf '%s\n' "$answer" >"$work/$q.answer.json"
	log "$q answers: ${answer:0:160}..."
done

# --- 2. load -------------------------------------------------------------------------------
# run_wrk Q CONNECTIONS DURATION -> the RESULT line (key=value ...)
run_wrk() {
	local q=$1 c=$2 d=$3 t=$threads
	((t > c)) && t=$c
	local out="$work/$q-c$c-$d.txt"
	wrk -t"$t" -c"$c" -d"$d" --timeout 60s --latency -s "$work/$q.lua" "$url" >"$out" 2>&1 ||
		die "wrk failed, see $out"
	grep '^RESULT ' "$out" | tail -n 1 || die "no RESULT line in $out"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A peak_rps
results=()
sweep_rows=()
for q in $queries; do
	log "$q: warm-up $warmup at $connections connections"
	run_wrk "$q" "$connections" "$warmup" >/dev/null
	log "$q: measuring $duration at $threads threads, $connections connections"
	r=$(run_wrk "$q" "$connections" "$duration")
	peak_rps[$q]=$(field rps "$r")
	results+=("$q $r")
	log "  $r"
	for c in $sweep; do
		log "$q: sweep $sweep_duration at $c connections"
		s=$(run_wrk "$q" "$c" "$sweep_duration")
		sweep_rows+=("$q $c $s")
		log "  $s"
		# the peak is the highest rate of any run: fewer connections can beat 16 (less queueing)
		peak_rps[$q]=$(awk -v a="$(field rps "$s")" -v b="${peak_rps[$q]}" 'BEGIN { print (a > b) ? a : b }')
	done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 3. statements per request ---------------------------------------------------------------
declare -A statements
psql_db() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"; }
end_api_sessions() {
	psql_db -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()" >/dev/null
}
incidents_count=""
if [[ -n $db ]]; then
	incidents_count=$(psql_db -c "select count(*) from incident" 2>/dev/null || echo "")
	if [[ ! -r $pg_log ]]; then
		log "cannot read the server log $pg_log: no statement counts"
	else
		log "counting statements: log_statement = 'all' on database $db"
		psql_db -c "alter database $db set log_statement = 'all'"
		trap 'psql_db -c "alter database $db reset log_statement" >/dev/null 2>&1 || true' EXIT
		end_api_sessions
		# the pool notices the ended sessions and opens new ones, which log their statements
		for q in $queries; do
			for _ in 1 2 3; do
				curl -sS --max-time 60 -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/$q.json" "$url" || true
			done
		done
		sleep 1
		for q in $queries; do
			counts=()
			for _ in 1 2 3; do
				before=$(stat -c %s "$pg_log")
				curl -sS --max-time 60 -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/$q.json" "$url"
				sleep 0.5
				# statements of this database since: "execute <name>: ..." (extended protocol) or "statement: ..."
				tail -c +"$((before + 1))" "$pg_log" >"$work/$q.statements.log"
				# non-empty statements; the empty ones are the pool's connection checks (JDBC isValid)
				n=$(grep -cE "@$db LOG:  (execute [^:]*|statement): *[^ ]" "$work/$q.statements.log" || true)
				counts+=("$n")
			done
			statements[$q]="${counts[*]}"
			log "  $q: SQL statements per request (3 requests): ${counts[*]}"
		done
		psql_db -c "alter database $db reset log_statement"
		trap - EXIT
		end_api_sessions
		curl -sS --max-time 60 -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/${queries%% *}.json" "$url" || true
	fi
fi

# --- 4. report -----------------------------------------------------------------------------
{
	echo "GraphQL API benchmark, $(date '+%Y-%m-%d %H:%M:%S %Z')"
	echo "url: $url; wrk $threads threads, $connections connections, $duration after a $warmup warm-up; sweep ${sweep:-none} connections, $sweep_duration each"
	echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(java -version 2>&1 | head -n 1)"
	[[ -n $incidents_count ]] && echo "data: $incidents_count incidents in database $db"
	echo "load average: $load_start at the start, $load_end at the end"
	echo
	printf '%-6s %-9s %-9s %-9s %-9s %-9s %-6s %s\n' query req/s p50_ms p90_ms p99_ms max_ms errors "SQL statements/request (3 requests)"
	for row in "${results[@]}"; do
		q=${row%% *}
		r=${row#* }
		printf '%-6s %-9s %-9s %-9s %-9s %-9s %-6s %s\n' "$q" "$(field rps "$r")" "$(field p50_ms "$r")" \
			"$(field p90_ms "$r")" "$(field p99_ms "$r")" "$(field max_ms "$r")" \
			"$(($(field bad "$r") + $(field socket_errors "$r")))" "${statements[$q]:-n/a}"
	done
	if ((${#sweep_rows[@]})); then
		echo
		echo "lower concurrency (wrk is closed-loop: the rate is what N connections reach; peak = the highest rate of all runs)"
		printf '%-6s %-5s %-9s %-8s %-9s %-9s %-6s\n' query conns req/s of_peak p50_ms p99_ms errors
		for row in "${sweep_rows[@]}"; do
			read -r q c r <<<"$row"
			rps=$(field rps "$r")
			share=$(awk -v a="$rps" -v b="${peak_rps[$q]}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')
			printf '%-6s %-5s %-9s %-8s %-9s %-9s %-6s\n' "$q" "$c" "$rps" "$share" "$(field p50_ms "$r")" \
				"$(field p99_ms "$r")" "$(($(field bad "$r") + $(field socket_errors "$r")))"
		done
		echo
		echo "p99 near 80% of peak (the sweep point whose rate is nearest 80% of the peak; target p99 <= 50 ms):"
		for q in $queries; do
			best=""
			best_gap=""
			for row in "${sweep_rows[@]}"; do
				read -r rq c r <<<"$row"
				[[ $rq == "$q" ]] || continue
				gap=$(awk -v a="$(field rps "$r")" -v b="${peak_rps[$q]}" 'BEGIN { if (b <= 0) { print 9; exit } g = a / b - 0.8; if (g < 0) g = -g; printf "%.4f", g }')
				if [[ -z $best_gap ]] || awk -v g="$gap" -v b="$best_gap" 'BEGIN { exit !(g < b) }'; then
					best_gap=$gap
					best="$c $r"
				fi
			done
			[[ -n $best ]] || continue
			read -r c r <<<"$best"
			p99=$(field p99_ms "$r")
			verdict=$(awk -v p="$p99" 'BEGIN { print (p <= 50) ? "met" : "NOT met" }')
			printf '  %-6s %s connections: %s req/s (%s of %s), p99 %s ms: %s\n' "$q" "$c" "$(field rps "$r")" \
				"$(awk -v a="$(field rps "$r")" -v b="${peak_rps[$q]}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')" \
				"${peak_rps[$q]}" "$p99" "$verdict"
		done
	fi
	echo
	for q in $queries; do
		echo "$q: $(describe "$q")"
	done
	echo "raw wrk outputs, Lua scripts and bodies: $work"
} | tee "$work/bench-result.txt"
