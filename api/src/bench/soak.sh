#!/usr/bin/env bash
# GraphQL API soak: the cookbook's read queries at a fixed open-loop rate (80% of a measured
# peak) with hostile requests mixed in, figures every minute and a verdict in the exit code.
# The work is done by Soak.java (Java 17 source launcher, no dependencies) next to this script.
# See docs/benchmarks.md, "Soak".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
	cat <<'EOF'
Usage: api/src/bench/soak.sh [options]

Runs api/src/bench/Soak.java against a running API:
  1. each valid query is sent once (it must answer without errors) and the health is read;
  2. without --rate: a warm-up, then the peak is measured with --peak-clients closed-loop
     clients for --peak-seconds, and the soak runs at 80% of it;
  3. the soak: requests at a fixed open-loop rate for --duration (latency from each request's
     scheduled send time, so queueing is not hidden), one in --hostile-every a hostile one
     (the 8 shapes in turn); every --minute a line: valid requests sent and answered, errors,
     p50/p99, hostile sent/refused/NOT refused (per shape), heap after GC, health;
  4. a summary: totals, p99, heap of the first and last interval, whether the database was ever
     reported closed/UNAVAILABLE, the final /actuator/health, and a verdict.
Exit code 0 PASS; 1 when a valid request got an error (HTTP non-200 or "errors"), a hostile
one was not refused with its expected status and code, or the API ended unhealthy; 2 on bad
usage or when the API does not answer.

Valid mix (round-robin): page (incidents of a region and year, first 50, with perpetrators),
stats (incidentStatistics of a year by [REGION, QUARTER]), org (organization "TTP" with its
first 20 incidents), alias (organization "Daesh" with parent and aliases), byalias (incidents
of perpetrator "Tehreek-e-Taliban Pakistan", an alias of TTP, first 10, with perpetrators and
sources).
Hostile shapes and the refusal expected:
  body-1mb       a 1 MB text variable              HTTP 413 LIMIT_EXCEEDED (body limit 512 KB)
  variable-20k   a 20,000-character variable       HTTP 200 BAD_USER_INPUT
  text-201       a 201-character text filter       HTTP 200 BAD_USER_INPUT
  depth-50       a query 50 levels deep            HTTP 200 LIMIT_EXCEEDED
  fragment-bomb  40 fragments, 2^40 fields         HTTP 200 LIMIT_EXCEEDED
  multipart      a multipart/form-data body        HTTP 415 BAD_USER_INPUT
  page-1m        organizations(first: 1000000)     HTTP 200 LIMIT_EXCEEDED
  wrong-type-5k  a 5,000-character string as Int   HTTP 200 BAD_USER_INPUT
(the code is the first error's extensions.code; a refusal whose body holds a stack trace fails)

Options:
  --url URL             GraphQL endpoint (default http://127.0.0.1:8080/graphql); the actuator is
                        read at the same origin
  --rate R              requests per second, valid and hostile together (no peak measurement)
  --peak-seconds N      peak measurement length (default 30; used when no --rate)
  --peak-clients N      closed-loop clients of the peak measurement (default 8)
  --peak-share F        share of the peak to run at (default 0.8)
  --warmup D            warm-up before the peak measurement (default 10s)
  --duration D          soak length (default 10m; 90s, 10m, 1h or seconds)
  --minute D            report interval (default 60s; 10s for short test runs)
  --hostile-every N     one hostile request in N (default 20; 0 = none)
  --queries "q q ..."   the valid mix (default "page stats org alias byalias")
  --region NAME / --year YYYY / --org NAME   (default "Khyber Pakhtunkhwa", 2012, TTP)
  --token T             "Authorization: Bearer T" on /actuator/prometheus and /actuator/health
  --pid PID             the API's process id: heap also from `jstat -gc PID` (old generation
                        used; the only source when /actuator/prometheus refuses or is off)
  --timeout D           per-request timeout, counted as an error (default 30s)
  --max-in-flight N     outstanding requests at most (default 2000; over it: not sent, an error)
  -h, --help            this help

Heap: Micrometer's jvm_gc_live_data_size_bytes from /actuator/prometheus (the old generation
after the last collection that reclaimed it); with --pid also jstat's old generation used (OU,
as of now: it grows between collections) and heap used. Needs java 17+ (and jstat for --pid,
from the JDK that runs the API, same user).

Start the API first with the rate limit off (one client at this rate would be refused), e.g.
  INCIDENTINTEL_DB_URL=jdbc:postgresql://127.0.0.1:5432/incidentintel_apibench \
  INCIDENTINTEL_DB_USER=postgres java -Xmx512m -jar api/target/incidentintel-api.jar \
  --incidentintel.api.rate-limit.enabled=false &
  api/src/bench/soak.sh --pid $!
EOF
}

for arg in "$@"; do
	case "$arg" in
	-h | --help) usage; exit 0 ;;
	esac
done

command -v java >/dev/null || { echo "soak: java is not on the PATH" >&2; exit 2; }
version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
[[ -n $version && $version -ge 17 ]] || { echo "soak: needs Java 17 or later (found ${version:-none})" >&2; exit 2; }

exec java -Xmx256m "$here/Soak.java" "$@"
