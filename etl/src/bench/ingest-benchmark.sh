#!/usr/bin/env bash
# ETL ingest benchmark: synthetic UCDP GED rows into embedded H2 and PostgreSQL with the ETL,
# against PostgreSQL COPY of the same final rows. See docs/benchmarks.md.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: etl/src/bench/ingest-benchmark.sh [options]

Generates N synthetic rows in the UCDP GED CSV layout (the real 50-column header), ingests
them with the ETL into a fresh embedded H2 file database and into a fresh PostgreSQL
database, then loads the same final source_record rows into an empty copy of the table
with PostgreSQL COPY. Prints rows/s for each, the ETL/COPY ratio, the ETL's peak RSS, the
duration of each job step, and the size of the H2 file against the CSV's. The result is
also saved as bench-result.txt in the work directory.

Options:
  --rows N            rows to generate (default 1000000)
  --pg-url URL        PostgreSQL JDBC URL of the database to create, use and drop
                      (default jdbc:postgresql://127.0.0.1:5432/incidentintel_bench);
                      a container works too: point it at the mapped port
  --pg-user USER      PostgreSQL user (default postgres); PGPASSWORD or --pg-password
  --pg-password PW    PostgreSQL password (default: $PGPASSWORD, else none)
  --skip-h2           no H2 run
  --skip-pg           no PostgreSQL runs (neither the ETL nor COPY)
  --keep              keep the PostgreSQL database, the H2 file, the generated CSV and
                      the COPY exports
  --work DIR          work directory (default ${TMPDIR:-/tmp}/incidentintel-bench)
  --jar PATH          the ETL jar (default etl/target/incidentintel-etl.jar)
  --java-opts OPTS    extra JVM options for the ETL, e.g. "-Xmx512m" (default none)
  --launcher          run the ETL with its launcher, bin/incidentintel-etl next to the jar
                      (its default heap; --java-opts become JAVA_OPTS) instead of java -jar;
                      it runs the jar in place, so do not rebuild during the run
  --seed N            generator seed (default 42): same seed and rows, same file
  -h, --help          this help

Two runs at the same time must use different --pg-url databases and --work directories.
Needs java 17+, and psql for PostgreSQL. Builds nothing: build the jar first with
  ./mvnw -q install -DskipTests -Dspring-javaformat.skip=true
Peak RSS comes from /usr/bin/time -v (Debian: apt-get install -y time), else from VmHWM in
/proc/<pid>/status.
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$script_dir/../../.." && pwd)

rows=1000000
pg_url="jdbc:postgresql://127.0.0.1:5432/incidentintel_bench"
pg_user=postgres
pg_password=${PGPASSWORD:-}
skip_h2=false
skip_pg=false
keep=false
work="${TMPDIR:-/tmp}/incidentintel-bench"
jar="$repo_dir/etl/target/incidentintel-etl.jar"
java_opts=""
use_launcher=false
seed=42

while [[ $# -gt 0 ]]; do
	case "$1" in
	--rows) rows=$2; shift 2 ;;
	--rows=*) rows=${1#*=}; shift ;;
	--pg-url) pg_url=$2; shift 2 ;;
	--pg-url=*) pg_url=${1#*=}; shift ;;
	--pg-user) pg_user=$2; shift 2 ;;
	--pg-user=*) pg_user=${1#*=}; shift ;;
	--pg-password) pg_password=$2; shift 2 ;;
	--pg-password=*) pg_password=${1#*=}; shift ;;
	--skip-h2) skip_h2=true; shift ;;
	--skip-pg) skip_pg=true; shift ;;
	--keep) keep=true; shift ;;
	--work) work=$2; shift 2 ;;
	--work=*) work=${1#*=}; shift ;;
	--jar) jar=$2; shift 2 ;;
	--jar=*) jar=${1#*=}; shift ;;
	--java-opts) java_opts=$2; shift 2 ;;
	--java-opts=*) java_opts=${1#*=}; shift ;;
	--launcher) use_launcher=true; shift ;;
	--seed) seed=$2; shift 2 ;;
	--seed=*) seed=${1#*=}; shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
	esac
done

die() {
	echo "ingest-benchmark: $*" >&2
	exit 2
}

[[ $rows =~ ^[1-9][0-9]*$ ]] || die "--rows must be a positive integer, not '$rows'"
[[ $seed =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
command -v java >/dev/null || die "java (17 or later) is not on the PATH"
[[ -f $jar ]] || die "no ETL jar at $jar; build it with: (cd $repo_dir && ./mvnw -q install -DskipTests -Dspring-javaformat.skip=true)"
launcher=""
if $use_launcher; then
	launcher="$(cd "$(dirname "$jar")" && pwd)/bin/incidentintel-etl"
	[[ -x $launcher ]] || die "no launcher at $launcher; build it with ./mvnw package"
fi
if ! $skip_pg; then
	command -v psql >/dev/null || die "psql is not on the PATH (or pass --skip-pg)"
	[[ $pg_url =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]] ||
		die "--pg-url must look like jdbc:postgresql://HOST[:PORT]/DATABASE, not '$pg_url'"
	pg_host=${BASH_REMATCH[1]}
	pg_port=${BASH_REMATCH[3]:-5432}
	pg_db=${BASH_REMATCH[4]}
	[[ $pg_db =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "the benchmark database name must be a plain identifier: '$pg_db'"
	export PGPASSWORD=$pg_password
fi
if $skip_h2 && $skip_pg; then
	die "--skip-h2 and --skip-pg together leave nothing to measure"
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

now() { date +%s.%N; }
# since T0: seconds from T0 (a now) until now, with 2 decimals
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
# awk arithmetic helpers: ratio A B, with a fixed number of decimals
div() { awk -v a="$1" -v b="$2" -v d="${3:-0}" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.*f", d, a / b }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
json_number() { sed -n "s/.*\"$1\":\([-0-9.Ee]*\).*/\1/p" "$2" | head -n 1; }
json_string() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1; }

# A snapshot of the jar: a rebuild of etl/target during a long run must not change what is measured.
cp "$jar" "$work/incidentintel-etl.jar"
etl_jar="$work/incidentintel-etl.jar"
jar_sha=$(sha256sum "$etl_jar" | cut -c1-12)
jar_built=$(date -r "$jar" '+%Y-%m-%d %H:%M:%S')
git_rev=$(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$repo_dir" status --porcelain --untracked-files=no -- etl domain 2>/dev/null || true) ]]; then
	git_rev="$git_rev+local changes"
fi

# --- 1. the synthetic file -----------------------------------------------------------------

csv="$work/ucdp-ged-synthetic-$rows.csv"
generator="$work/UcdpGedSynthetic.java"
cat >"$generator" <<'JAVA'
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes N synthetic UCDP GED rows (the official CSV layout, CRLF) deterministically. */
public class UcdpGedSynthetic {

	static final String HEADER = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,"
			+ "conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
			+ "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,"
			+ "source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,"
			+ "longitude,geom_wkt,priogrid_gid,country,iso3,country_id,region,event_clarity,date_prec,date_start,"
			+ "date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";

	// areas: adm_1 as in the real file, a bounding box, districts with a place in each
	static final String[] AREA_CODE = { "FATA", "KP", "BAL", "SIN", "PUN", "AJK", "GB", "ICT", "NONE" };

	static final String[] AREA_NAME = { "Federally Administered Tribal Areas", "Khyber Pakhtunkwa province",
			"Balochistan province", "Sindh province", "Punjab province", "Azad Jammu & Kashmir", "Gilgit-Baltistan",
			"Islamabad Capital territory", "" };

	static final double[][] AREA_BOX = { { 31.7, 34.9, 69.3, 71.9 }, { 30.7, 36.2, 70.2, 73.9 },
			{ 25.1, 31.9, 61.0, 69.9 }, { 24.8, 28.2, 67.0, 68.8 }, { 28.7, 33.9, 69.4, 75.1 },
			{ 32.6, 34.9, 73.6, 74.6 }, { 34.8, 35.6, 73.5, 76.5 }, { 33.6, 33.75, 72.95, 73.15 },
			{ 30.0, 34.9, 70.0, 74.7 } };

	static final String[][][] AREA_PLACES = {
			{ { "North Waziristan", "Miranshah town" }, { "North Waziristan", "Mir Ali town" },
					{ "South Waziristan", "Wana town" }, { "South Waziristan", "South Waziristan" },
					{ "Khyber agency", "Tirah valley" }, { "Khyber agency", "Bara town" },
					{ "Orakzai agency", "Orakzai agency" }, { "Bajaur agency", "Khar town" },
					{ "Mohmand agency", "Mohmand agency" }, { "Kurram agency", "Parachinar town" } },
			{ { "Peshawar district", "Peshawar town" }, { "Swat district", "Mingora town" },
					{ "Swat district", "Matta town" }, { "Swat district", "Kabal town" },
					{ "Dir district", "Timergara town" }, { "Bannu district", "Bannu town" },
					{ "Dera Ismail Khan district", "Dera Ismail Khan town" }, { "Kohat district", "Kohat town" },
					{ "Buner district", "Daggar town" }, { "Hangu district", "Hangu town" } },
			{ { "Quetta district", "Quetta town" }, { "Dera Bugti district", "Sui town" },
					{ "Dera Bugti district", "Dera Bugti district" }, { "Kech district", "Turbat town" },
					{ "Kohlu district", "Kohlu district" }, { "Mastung district", "Mastung town" },
					{ "Khuzdar district", "Khuzdar town" }, { "Gwadar district", "Gwadar town" } },
			{ { "Karachi district", "Karachi town" }, { "Karachi district", "Korangi town" },
					{ "Hyderabad district", "Hyderabad town" }, { "Sukkur district", "Sukkur town" },
					{ "Larkana district", "Larkana town" }, { "Shikarpur district", "Shikarpur town" } },
			{ { "Lahore district", "Lahore town" }, { "Rawalpindi district", "Rawalpindi town" },
					{ "Sialkot district", "Sialkot town" }, { "Sialkot district", "IB in Sialkot district" },
					{ "Dera Ghazi Khan district", "Dera Ghazi Khan district" }, { "", "Punjab province" } },
			{ { "Neelam district", "Neelam valley" }, { "Neelam district", "Athmuqam town" },
					{ "Kotli district", "Nakyal village" }, { "", "LoC in Azad Jammu and Kashmir" } },
			{ { "Skardu district", "Skardu Town" }, { "Astore district", "Kamri village" } },
			{ { "", "Islamabad city" } },
			{ { "", "LoC" }, { "", "LoC near AJK & Punjab" }, { "", "Pakistan" }, { "", "Bannu-Miranshah road" } } };

	// the real file's most frequent dyads, with its weights and where they fight
	record Dyad(int weight, String conflictId, String conflictName, String dyadId, String dyadName, String aId,
			String a, String bId, String b, int type, String gwnoa, String gwnob, int[] areaWeights) {
	}

	static Dyad dyad(int weight, String conflictId, String conflictName, String dyadId, String aId, String a,
			String bId, String b, int type, String gwnoa, String gwnob, String areas) {
		int[] areaWeights = new int[AREA_CODE.length];
		for (String part : areas.split(",")) {
			String[] kv = part.split(":");
			for (int i = 0; i < AREA_CODE.length; i++) {
				if (AREA_CODE[i].equals(kv[0])) {
					areaWeights[i] = Integer.parseInt(kv[1]);
				}
			}
		}
		return new Dyad(weight, conflictId, conflictName, dyadId, a + " - " + b, aId, a, bId, b, type, gwnoa, gwnob,
				areaWeights);
	}

	static final Dyad[] DYADS = {
			dyad(3770, "404", "Pakistan: Government", "857", "142", "Government of Pakistan", "356", "TTP", 1, "770",
					"", "FATA:62,KP:30,BAL:2,SIN:2,PUN:2,ICT:1,NONE:1"),
			dyad(429, "218", "India - Pakistan", "422", "141", "Government of India", "142", "Government of Pakistan",
					1, "750", "770", "AJK:70,PUN:15,GB:5,NONE:10"),
			dyad(411, "418", "United States of America: Government", "878", "3",
					"Government of United States of America", "769", "al-Qaida", 1, "2", "", "FATA:95,KP:5"),
			dyad(380, "356", "TTP - Civilians", "356", "356", "TTP", "9999", "Civilians", 3, "", "",
					"FATA:30,KP:45,PUN:10,SIN:8,BAL:5,ICT:2"),
			dyad(197, "325", "Pakistan: Balochistan", "709", "142", "Government of Pakistan", "287", "BLA", 1, "770",
					"", "BAL:95,SIN:5"),
			dyad(148, "325", "Pakistan: Balochistan", "711", "142", "Government of Pakistan", "289", "BRA", 1, "770",
					"", "BAL:100"),
			dyad(124, "404", "Pakistan: Government", "11336", "142", "Government of Pakistan", "399",
					"Lashkar-e-Islam", 1, "770", "", "FATA:90,KP:10"),
			dyad(90, "325", "Pakistan: Balochistan", "16177", "142", "Government of Pakistan", "7542", "BRAS", 1,
					"770", "", "BAL:100"),
			dyad(87, "333", "Afghanistan: Government", "735", "130", "Government of Afghanistan", "303", "Taleban", 1,
					"700", "", "FATA:80,BAL:20"),
			dyad(66, "388", "LeJ - Civilians", "388", "388", "LeJ", "9999", "Civilians", 3, "", "",
					"BAL:60,SIN:25,PUN:10,KP:5"),
			dyad(61, "287", "BLA - Civilians", "287", "287", "BLA", "9999", "Civilians", 3, "", "", "BAL:100"),
			dyad(59, "5415", "MQM - MQM-H", "5415", "354", "MQM", "832", "MQM-H", 2, "", "", "SIN:100"),
			dyad(55, "5577", "Lashkar-e-Islam - Lashkar of Zakakhel tribe", "5577", "399", "Lashkar-e-Islam", "1142",
					"Lashkar of Zakakhel tribe", 2, "", "", "FATA:100"),
			dyad(50, "11231", "Mohajir - Sindhi", "11231", "2848", "Mohajir", "2849", "Sindhi", 2, "", "", "SIN:100"),
			dyad(38, "5198", "Bangesh - Turi", "5198", "790", "Bangesh", "791", "Turi", 2, "", "", "FATA:80,KP:20"),
			dyad(36, "5189", "Ansaar ul-Islam - Lashkar-e-Islam", "5189", "398", "Ansaar ul-Islam", "399",
					"Lashkar-e-Islam", 2, "", "", "FATA:100"),
			dyad(36, "13936", "Pakistan: Islamic State", "14319", "142", "Government of Pakistan", "234", "IS", 1,
					"770", "", "BAL:40,KP:30,FATA:20,SIN:10"),
			dyad(34, "404", "Pakistan: Government", "855", "142", "Government of Pakistan", "354", "MQM", 1, "770", "",
					"SIN:100"),
			dyad(27, "11383", "Lashkar-e-Islam - Tawheed ul-Islam", "11383", "399", "Lashkar-e-Islam", "1178",
					"Tawheed ul-Islam", 2, "", "", "FATA:100"),
			dyad(26, "5277", "Mangal - Turi", "5277", "797", "Mangal", "791", "Turi", 2, "", "", "FATA:100") };

	static final String[] OFFICES = { "BBC Monitoring South Asia", "Press Trust of India", "SATP",
			"Agence France Presse", "Reuters News", "Associated Press Newswires", "Xinhua News Agency", "Dawn",
			"The News International", "Daily Times" };

	static final String[] ORIGINALS = { "", "", "SATP", "police", "officials", "Police", "military", "Officials",
			"ISPR", "local residents", "Pakistani military spokesman" };

	static final String[] HEADLINES = { "Militants attack check post in {p}, {n} killed",
			"{n} killed as security forces raid militant hideout near {p}", "Suspected US drone strike kills {n} in {p}",
			"Bomb blast in {p} kills {n}, injures several", "Tribal clashes leave {n} dead in {p}",
			"Security forces kill {n} militants in {p} operation", "Gunmen open fire on passenger van near {p}, {n} dead",
			"Pakistani and Indian troops exchange fire near {p}; {n} killed", "Roadside bomb hits convoy in {p}, killing {n}",
			"{n} bodies found in {p}, officials say" };

	static final String[] LEADS = { "Officials said the attackers fled towards the mountains, and a search operation was under way.",
			"Police said the dead included women and children, and the area was cordoned off.",
			"The death toll could not be independently verified, a local official told reporters.",
			"Residents said the firing continued for several hours, damaging houses, shops and a school.",
			"No group claimed responsibility, but officials blamed militants based in the border region.",
			"A curfew was imposed in the town, and mobile phone services were suspended, officials said.",
			"The military said it had retaliated, destroying two hideouts and an ammunition depot.",
			"Hospital sources said several of the wounded were in critical condition." };

	static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	static final int[] DYAD_CUMULATIVE = cumulative();

	static int[] cumulative() {
		int[] sums = new int[DYADS.length];
		int total = 0;
		for (int i = 0; i < DYADS.length; i++) {
			total += DYADS[i].weight();
			sums[i] = total;
		}
		return sums;
	}

	public static void main(String[] args) throws IOException {
		long rows = Long.parseLong(args[0]);
		Path out = Path.of(args[1]);
		SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
		// ids: a permutation of 1,000,000 .. 1,000,000+rows-1, scattered like the real file's
		long stride = 7919;
		while (gcd(stride, rows) != 1) {
			stride += 2;
		}
		LocalDate first = LocalDate.of(1989, 1, 1);
		int allDays = (int) (LocalDate.of(2021, 12, 31).toEpochDay() - first.toEpochDay()) + 1;
		LocalDate peak = LocalDate.of(2007, 1, 1);
		int peakDays = (int) (LocalDate.of(2014, 12, 31).toEpochDay() - peak.toEpochDay()) + 1;
		StringBuilder line = new StringBuilder(1024);
		StringBuilder article = new StringBuilder(400);
		try (BufferedWriter writer = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
			writer.write(HEADER);
			writer.write("\r\n");
			for (long i = 0; i < rows; i++) {
				line.setLength(0);
				long id = 1_000_000 + (i * stride + 12_345) % rows;
				Dyad d = pickDyad(random);
				int areaIndex = pick(d.areaWeights(), random);
				String[] place = AREA_PLACES[areaIndex][random.nextInt(AREA_PLACES[areaIndex].length)];
				double[] box = AREA_BOX[areaIndex];
				double lat = box[0] + random.nextDouble() * (box[1] - box[0]);
				double lon = box[2] + random.nextDouble() * (box[3] - box[2]);
				// half over 1989-2021, half over the 2007-2014 peak, as in the real file
				LocalDate start = random.nextBoolean() ? first.plusDays(random.nextInt(allDays))
						: peak.plusDays(random.nextInt(peakDays));
				int r = random.nextInt(1000);
				int datePrec = (r < 945) ? 1 : (r < 990) ? 2 : (r < 992) ? 3 : (r < 998) ? 4 : 5;
				LocalDate end = start;
				if (datePrec == 2 || datePrec == 3) {
					end = start.plusDays(random.nextInt(datePrec == 2 ? 7 : 31));
				}
				else if (datePrec == 4) {
					start = start.withDayOfMonth(1);
					end = start.plusMonths(1).minusDays(1);
				}
				else if (datePrec == 5) {
					start = start.withDayOfYear(1);
					end = start.plusYears(1).minusDays(1);
				}
				if (end.getYear() > 2021) {
					end = LocalDate.of(2021, 12, 31);
				}
				// casualties: sides, civilians and unknown; best is their sum, low <= best <= high
				int scale = (random.nextInt(100) == 0) ? 10 : 1;
				int deathsA;
				int deathsB;
				int civilians;
				if (d.type() == 3) {
					deathsA = (random.nextInt(10) == 0) ? 1 : 0;
					deathsB = 0;
					civilians = (1 + random.nextInt(8)) * scale;
				}
				else {
					deathsA = (random.nextInt(10) < 6) ? 0 : (1 + random.nextInt(5)) * scale;
					deathsB = (random.nextInt(10) < 2) ? 0 : (1 + random.nextInt(10)) * scale;
					civilians = (random.nextInt(10) < 7) ? 0 : (1 + random.nextInt(8)) * scale;
				}
				int unknown = (random.nextInt(100) < 85) ? 0 : (1 + random.nextInt(20)) * scale;
				int best = deathsA + deathsB + civilians + unknown;
				int low = (random.nextInt(10) < 8) ? best : best - random.nextInt(best / 3 + 1);
				int high = (random.nextInt(10) < 8) ? best : best + random.nextInt(best / 2 + 1);
				// sources: two thirds coded without a source count (-1), like the real file
				int sources = (random.nextInt(3) < 2) ? -1 : 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 3);
				String office = OFFICES[random.nextInt(OFFICES.length)];
				LocalDate sourceDate = end.plusDays(random.nextInt(3));
				String where = place[1].isEmpty() ? AREA_NAME[areaIndex] : place[1];
				String headline = HEADLINES[random.nextInt(HEADLINES.length)]
					.replace("{p}", (random.nextBoolean() || place[0].isEmpty()) ? where : place[0])
					.replace("{n}", Integer.toString(best));
				int target = 100 + random.nextInt(201);
				article.setLength(0);
				boolean newline = random.nextInt(10) == 0;
				if (newline) {
					// the real file's pasted citations: headline, date and office on their own lines
					article.append(headline).append('\n').append(LONG_DATE.format(sourceDate)).append('\n').append(office);
				}
				else if (sources > 0) {
					article.append(office).append(',').append(sourceDate).append(',').append(headline);
				}
				else {
					article.append(office).append(' ').append(sourceDate.getDayOfMonth()).append('/')
						.append(sourceDate.getMonthValue()).append(' ').append(sourceDate.getYear()).append(": ")
						.append(headline);
				}
				while (article.length() < target) {
					article.append(newline ? "\n" : (article.charAt(article.length() - 1) == '.') ? " " : ". ")
						.append(LEADS[random.nextInt(LEADS.length)]);
				}
				if (article.length() > target) {
					article.setLength(target);
				}
				String sourceArticle = (random.nextInt(5) == 0) ? '"' + article.toString().strip() + '"'
						: article.toString().strip();
				int whereprec = 1 + pick(new int[] { 36, 41, 18, 1, 4, 0 }, random);
				String latText = String.format(Locale.ROOT, "%.6f", lat);
				String lonText = String.format(Locale.ROOT, "%.6f", lon);
				long priogrid = (long) Math.floor((lat + 90) * 2) * 720 + (long) Math.floor((lon + 180) * 2) + 1;
				int year = start.getYear();
				field(line, Long.toString(id));
				field(line, "PAK-" + year + "-" + d.type() + "-" + d.dyadId() + "-" + (i + 1));
				field(line, Integer.toString(year));
				field(line, "1");
				field(line, "Clear");
				field(line, Integer.toString(d.type()));
				field(line, d.conflictId());
				field(line, d.conflictId());
				field(line, d.conflictName());
				field(line, d.dyadId());
				field(line, d.dyadId());
				field(line, d.dyadName());
				field(line, d.aId());
				field(line, d.aId());
				field(line, d.a());
				field(line, d.bId());
				field(line, d.bId());
				field(line, d.b());
				field(line, Integer.toString(sources));
				field(line, sourceArticle);
				field(line, (sources > 0) ? office : "");
				field(line, (sources > 0) ? sourceDate.toString() : "");
				field(line, (sources > 0) ? headline : "");
				field(line, ORIGINALS[random.nextInt(ORIGINALS.length)]);
				field(line, Integer.toString(whereprec));
				field(line, where);
				field(line, (random.nextBoolean() ? "near " : "") + where);
				field(line, AREA_NAME[areaIndex]);
				field(line, place[0]);
				field(line, latText);
				field(line, lonText);
				field(line, "POINT (" + strip(lonText) + " " + strip(latText) + ")");
				field(line, Long.toString(priogrid));
				field(line, "Pakistan");
				field(line, "PAK");
				field(line, "770");
				field(line, "Asia");
				field(line, (random.nextInt(60) == 0) ? "2" : "1");
				field(line, Integer.toString(datePrec));
				field(line, start + " 00:00:00.000");
				field(line, end + " 00:00:00.000");
				field(line, Integer.toString(deathsA));
				field(line, Integer.toString(deathsB));
				field(line, Integer.toString(civilians));
				field(line, Integer.toString(unknown));
				field(line, Integer.toString(best));
				field(line, Integer.toString(high));
				field(line, Integer.toString(low));
				field(line, d.gwnoa());
				line.append(d.gwnob()).append("\r\n");
				writer.append(line);
			}
		}
	}

	static Dyad pickDyad(SplittableRandom random) {
		int r = random.nextInt(DYAD_CUMULATIVE[DYAD_CUMULATIVE.length - 1]);
		for (int i = 0; i < DYAD_CUMULATIVE.length; i++) {
			if (r < DYAD_CUMULATIVE[i]) {
				return DYADS[i];
			}
		}
		return DYADS[0];
	}

	static int pick(int[] weights, SplittableRandom random) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			if (r < weights[i]) {
				return i;
			}
			r -= weights[i];
		}
		return weights.length - 1;
	}

	static void field(StringBuilder line, String value) {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (quote) {
			line.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		else {
			line.append(value);
		}
		line.append(',');
	}

	static String strip(String number) {
		String s = number.contains(".") ? number.replaceAll("0+$", "") : number;
		return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
	}

	static long gcd(long a, long b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}
JAVA
log "generating $rows synthetic UCDP GED rows -> $csv"
t0=$(now)
java -Xmx256m "$generator" "$rows" "$csv" "$seed" || die "the generator failed"
gen_seconds=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
csv_bytes=$(stat -c %s "$csv")
log "  $(mb "$csv_bytes") MB in ${gen_seconds}s"

# --- 2. running the ETL --------------------------------------------------------------------

have_time=false
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
	have_time=true
fi

# run_java LABEL OUTFILE ERRFILE ARGS...: runs the ETL, sets run_wall (s) and run_rss_kb
run_java() {
	local label=$1 out=$2 err=$3
	shift 3
	local t_start status=0
	local -a etl
	if [[ -n $launcher ]]; then
		# the launcher execs java: the pid and the peak RSS measured are the JVM's
		etl=(env JAVA_OPTS="$java_opts" "$launcher")
	else
		# shellcheck disable=SC2206
		etl=(java $java_opts -jar "$etl_jar")
	fi
	t_start=$(now)
	if $have_time; then
		/usr/bin/time -v -o "$work/$label.time.txt" "${etl[@]}" "$@" >"$out" 2>"$err" || status=$?
		run_rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$work/$label.time.txt")
	else
		"${etl[@]}" "$@" >"$out" 2>"$err" &
		local pid=$! hwm=0 v
		while kill -0 "$pid" 2>/dev/null; do
			v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
			[[ -n $v && $v -gt $hwm ]] && hwm=$v
			sleep 0.2
		done
		wait "$pid" || status=$?
		run_rss_kb=$hwm
	fi
	run_wall=$(since "$t_start")
	return $status
}

# etl_run LABEL DB-ARGS...: reference data, then the timed ingest; sets <label>_* variables
etl_run() {
	local label=$1
	shift
	log "$label: loading reference data"
	if ! run_java "$label-reference" "$work/$label-reference.out" "$work/$label-reference.err" "$@" reference; then
		cat "$work/$label-reference.err" >&2
		die "$label: the reference load failed (see $work/$label-reference.err)"
	fi
	log "$label: ingesting $rows rows (progress in $work/$label-ingest.err)"
	if ! run_java "$label-ingest" "$work/$label-ingest.json" "$work/$label-ingest.err" "$@" ingest --file "$csv" \
		--format ucdp-ged --json; then
		tail -n 20 "$work/$label-ingest.err" >&2
		die "$label: the ingest failed (see $work/$label-ingest.err)"
	fi
	local json="$work/$label-ingest.json" status
	status=$(json_string status "$json")
	[[ $status == COMPLETED ]] || die "$label: the ingest ended $status: $(cat "$json")"
	printf -v "${label}_seconds" '%s' "$(json_number seconds "$json")"
	printf -v "${label}_wall" '%s' "$run_wall"
	printf -v "${label}_rss_kb" '%s' "$run_rss_kb"
	printf -v "${label}_inserted" '%s' "$(json_number inserted "$json")"
	printf -v "${label}_rejected" '%s' "$(json_number rejected "$json")"
	printf -v "${label}_read" '%s' "$(json_number read "$json")"
	local s=${label}_seconds i=${label}_inserted
	log "$label: ${!i} inserted in ${!s}s (job), ${run_wall}s (wall), peak RSS $((run_rss_kb / 1024)) MB"
}

steps_h2=""
steps_pg=""

# --- 3. H2 ---------------------------------------------------------------------------------

if ! $skip_h2; then
	rm -rf "$work/h2"
	mkdir -p "$work/h2"
	# the same settings as the default URL of etl/src/main/resources/application.yml, bar AUTO_SERVER
	h2_url="jdbc:h2:file:$work/h2/bench;AUTO_SERVER=FALSE;MAX_COMPACT_TIME=10000"
	etl_run h2 --db-url "$h2_url" --db-user sa --db-password ""
	h2_bytes=$(stat -c %s "$work/h2/bench.mv.db")
	# step durations from the job repository, with the H2 shell from the jar
	if unzip -p "$etl_jar" 'BOOT-INF/lib/h2-*.jar' >"$work/h2.jar" 2>/dev/null && [[ -s $work/h2.jar ]]; then
		steps_h2=$(java -cp "$work/h2.jar" org.h2.tools.Shell -url "$h2_url" -user sa -password "" -sql \
			"select step_name, datediff('MILLISECOND', start_time, end_time) / 1000.0 from batch_step_execution \
			 where job_execution_id = (select max(job_execution_id) from batch_job_execution) \
			 order by step_execution_id" 2>/dev/null |
			awk -F' *\\| *' 'NR > 1 && NF == 2 && $1 ~ /^[a-z]+$/ { printf "%s %.1f s, ", $1, $2 }' | sed 's/, $//')
	fi
fi

# --- 4. PostgreSQL -------------------------------------------------------------------------

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" "$@"; }

pg_cleanup() {
	if ! $keep; then
		psql_admin -c "drop database if exists $pg_db" >/dev/null 2>&1 || true
		psql_admin -c "drop database if exists ${pg_db}_fk" >/dev/null 2>&1 || true
	fi
}

if ! $skip_pg; then
	psql_admin -c "drop database if exists $pg_db" >/dev/null
	psql_admin -c "create database $pg_db"
	trap pg_cleanup EXIT
	pg_version="$(psql_bench -At -c "show server_version" | cut -d' ' -f1) on $pg_host:$pg_port, autovacuum $(psql_bench -At -c "show autovacuum")"
	etl_run pg --db-url "$pg_url" --db-user "$pg_user" --db-password "$pg_password"
	steps_pg=$(psql_bench -At -F ' ' -c "select step_name, round(extract(epoch from end_time - start_time)::numeric, 1) \
		from batch_step_execution where job_execution_id = (select max(job_execution_id) from batch_job_execution) \
		order by step_execution_id" | awk '{ printf "%s %s s, ", $1, $2 }' | sed 's/, $//')
	pg_table_bytes=$(psql_bench -At -c "select pg_total_relation_size('source_record')")
	pg_db_bytes=$(psql_bench -At -c "select pg_database_size(current_database())")

	# --- 5. COPY of the same final rows --------------------------------------------------------
	# The targets are empty copies made with LIKE ... INCLUDING ALL: the same primary key,
	# unique constraint on (dataset, record id), secondary indexes, identity and defaults as
	# the ETL's tables. LIKE never copies foreign keys, so COPY checks none. The ETL's rate
	# is its job time (JSON "seconds", no JVM start); COPY's is psql's wall-clock time.
	log "COPY: exporting the loaded rows"
	# parents first (records and perpetrators point at incidents), for the copy with foreign keys
	copy_tables="incident source_record source_record_actor incident_perpetrator incident_target incident_attack_type"
	# copy_script PREFIX: one \copy per table, into PREFIX<table>
	copy_script() {
		for t in $copy_tables; do
			echo "\\copy $1$t from '$work/pg-$t.csv' csv"
		done
	}
	for t in $copy_tables; do
		psql_bench -c "\\copy (select * from $t order by 1) to '$work/pg-$t.csv' csv"
		psql_bench -c "drop table if exists copy_$t" -c "create table copy_$t (like $t including all)"
	done
	copy_rows=$(psql_bench -At -c "select count(*) from source_record")
	psql_bench -c "checkpoint" >/dev/null 2>&1 || true
	log "COPY: source_record ($copy_rows rows)"
	t0=$(now)
	psql_bench -c "\\copy copy_source_record from '$work/pg-source_record.csv' csv"
	copy_seconds=$(since "$t0")
	log "COPY: source_record in ${copy_seconds}s"
	# all the tables the ETL writes, in one transaction (the source_record table again, emptied)
	psql_bench -c "truncate copy_source_record" -c "checkpoint" >/dev/null 2>&1 || true
	copy_script copy_ >"$work/copy-all.sql"
	t0=$(now)
	psql_bench -1 -f "$work/copy-all.sql"
	copy_all_seconds=$(since "$t0")
	log "COPY: all six tables in ${copy_all_seconds}s"
	# The same six tables into the ETL's own schema, foreign keys and all: a fresh database
	# with the reference data (the same ids: the same jar loads the same files in the same
	# order) and the run's row, as the ETL found it.
	fk_db="${pg_db}_fk"
	psql_admin -c "drop database if exists $fk_db" >/dev/null
	psql_admin -c "create database $fk_db"
	psql_fk() { psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$fk_db" "$@"; }
	run_java "pg-fk-reference" "$work/pg-fk-reference.out" "$work/pg-fk-reference.err" \
		--db-url "jdbc:postgresql://$pg_host:$pg_port/$fk_db" --db-user "$pg_user" --db-password "$pg_password" reference ||
		die "COPY: the reference load into $fk_db failed (see $work/pg-fk-reference.err)"
	psql_bench -c "\\copy ingest_run to '$work/pg-ingest_run.csv' csv"
	psql_fk -c "\\copy ingest_run from '$work/pg-ingest_run.csv' csv" -c "checkpoint" >/dev/null
	copy_script "" >"$work/copy-fk.sql"
	t0=$(now)
	psql_fk -1 -f "$work/copy-fk.sql"
	copy_fk_seconds=$(since "$t0")
	log "COPY: the six tables with their foreign keys in ${copy_fk_seconds}s"
	if ! $keep; then
		psql_admin -c "drop database if exists $fk_db" >/dev/null 2>&1 || true
		rm -f "$work"/pg-*.csv
	fi
fi

# --- 6. the result -------------------------------------------------------------------------

verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { if (v == "n/a") print "n/a"; else if ((op == ">=" && v + 0 >= t + 0) || (op == "<=" && v + 0 <= t + 0)) print "met"; else print "NOT met" }'; }

result="$work/bench-result.txt"
{
	echo "ETL ingest benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
	echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(java -version 2>&1 | head -n 1)${pg_version:+, PostgreSQL $pg_version}"
	echo "jar: $jar (modified $jar_built, sha256 $jar_sha…); repository HEAD $git_rev; JVM options: ${java_opts:-none}${launcher:+; run by $launcher with its defaults}"
	echo "load average (1/5/15 min) at the start: $load_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "file: $rows synthetic UCDP GED rows, $(mb "$csv_bytes") MB CSV, generated in ${gen_seconds}s (seed $seed)"
	echo
	printf '%-34s %10s %10s %12s %12s %10s\n' "load" "s (job)" "s (wall)" "rows/s job" "rows/s wall" "peak RSS"
	if ! $skip_h2; then
		printf '%-34s %10s %10s %12s %12s %7s MB\n' "ETL into H2" "$h2_seconds" "$h2_wall" \
			"$(div "$h2_inserted" "$h2_seconds")" "$(div "$h2_inserted" "$h2_wall")" "$((h2_rss_kb / 1024))"
	fi
	if ! $skip_pg; then
		printf '%-34s %10s %10s %12s %12s %7s MB\n' "ETL into PostgreSQL" "$pg_seconds" "$pg_wall" \
			"$(div "$pg_inserted" "$pg_seconds")" "$(div "$pg_inserted" "$pg_wall")" "$((pg_rss_kb / 1024))"
		printf '%-34s %10s %10s %12s %12s %10s\n' "COPY source_record" "-" "$copy_seconds" "-" \
			"$(div "$copy_rows" "$copy_seconds")" "-"
		printf '%-34s %10s %10s %12s %12s %10s\n' "COPY the 6 tables the ETL writes" "-" "$copy_all_seconds" "-" \
			"$(div "$copy_rows" "$copy_all_seconds")" "-"
		printf '%-34s %10s %10s %12s %12s %10s\n' "COPY the 6 tables, with their FKs" "-" "$copy_fk_seconds" "-" \
			"$(div "$copy_rows" "$copy_fk_seconds")" "-"
	fi
	echo
	if ! $skip_h2; then
		echo "steps H2:         ${steps_h2:-n/a}"
	fi
	if ! $skip_pg; then
		echo "steps PostgreSQL: ${steps_pg:-n/a}"
		echo "rows read ${pg_read}, inserted ${pg_inserted}, rejected ${pg_rejected} (PostgreSQL)"
		echo "PostgreSQL: source_record with indexes $(mb "$pg_table_bytes") MB, database $(mb "$pg_db_bytes") MB"
	fi
	echo
	echo "targets (the issue's):"
	if ! $skip_pg; then
		ratio=$(div "$(div "$pg_inserted" "$pg_seconds" 3)" "$(div "$copy_rows" "$copy_seconds" 3)" 3)
		ratio_all=$(div "$(div "$pg_inserted" "$pg_seconds" 3)" "$(div "$copy_rows" "$copy_all_seconds" 3)" 3)
		ratio_fk=$(div "$(div "$pg_inserted" "$pg_seconds" 3)" "$(div "$copy_rows" "$copy_fk_seconds" 3)" 3)
		printf '  %-40s %-28s %s\n' "ETL/COPY (PostgreSQL) >= 0.5" "$ratio (vs COPY of 6 tables $ratio_all)" "$(verdict "$ratio" 0.5 '>=')"
		printf '  %-40s %-28s %s\n' "  against COPY into the ETL's own tables" "$ratio_fk (foreign keys checked)" "$(verdict "$ratio_fk" 0.5 '>=')"
	fi
	if ! $skip_h2; then
		h2_rate=$(div "$h2_inserted" "$h2_seconds")
		printf '  %-40s %-28s %s\n' "H2 rows/s >= 35000" "$h2_rate" "$(verdict "$h2_rate" 35000 '>=')"
		h2_ratio=$(div "$h2_bytes" "$csv_bytes" 2)
		printf '  %-40s %-28s %s\n' "H2 file <= 3x CSV" "$(mb "$h2_bytes") MB / $(mb "$csv_bytes") MB = ${h2_ratio}x" "$(verdict "$h2_ratio" 3 '<=')"
		# the ETL compacts the file at the end of the ingest (in the wall time, not the job's)
		printf '  %-40s %s\n' "  (the ETL's own report)" "$(grep -o 'mv.db.*compacted.*' "$work/h2-ingest.err" || echo 'no compaction')"
		printf '  %-40s %-28s %s\n' "peak RSS <= 512 MB (H2 run)" "$((h2_rss_kb / 1024)) MB" "$(verdict $((h2_rss_kb / 1024)) 512 '<=')"
	fi
	if ! $skip_pg; then
		printf '  %-40s %-28s %s\n' "peak RSS <= 512 MB (PostgreSQL run)" "$((pg_rss_kb / 1024)) MB" "$(verdict $((pg_rss_kb / 1024)) 512 '<=')"
	fi
} | tee "$result"

if ! $keep; then
	rm -rf "$work/h2" "$work/h2.jar" "$csv" "$etl_jar"
fi
log "saved $result"
