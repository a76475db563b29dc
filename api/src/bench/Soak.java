import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Soak benchmark of the GraphQL API: the cookbook's read queries at a fixed open-loop rate
 * (80% of a measured peak, or a given rate) with hostile requests mixed in, a report every
 * interval and a summary with a verdict in the exit code. Java 17 source launcher, no
 * dependencies: {@code java api/src/bench/Soak.java --help}. See docs/benchmarks.md, "Soak".
 *
 * <p>Latency is measured from the time a request was scheduled to be sent, not from when it
 * left: when the client or the API falls behind, the waiting counts (no coordinated omission).
 */
public class Soak {

	static final String USAGE = """
			Usage: java api/src/bench/Soak.java [options]   (or api/src/bench/soak.sh [options])

			Sends the cookbook's read queries (round-robin) to a running API at a fixed open-loop rate,
			one hostile request in every --hostile-every, and prints every --minute: valid requests
			sent, their errors (HTTP non-200 or any "errors" in the body), p50/p99 of the valid ones
			(from their scheduled send time), the hostile requests refused as expected per shape (and
			any that was not: a failure), UNAVAILABLE answers, the API's heap after GC and its health.
			At the end a summary; exit code 1 when a valid request got an error, a hostile one was not
			refused as expected or the API ended unhealthy, 2 on bad usage or an unreachable API.

			Options:
			  --url URL             GraphQL endpoint (default http://127.0.0.1:8080/graphql); the actuator
			                        is read at the same origin (/actuator/health, /actuator/prometheus)
			  --rate R              requests per second (valid and hostile together); or:
			  --peak-seconds N      measure the peak first: --peak-clients closed-loop clients sending the
			                        valid mix for N seconds (after --warmup), then run at --peak-share of it
			                        (default when no --rate: 30)
			  --peak-clients N      concurrent clients of the peak measurement (default 8)
			  --peak-share F        share of the peak to run at (default 0.8)
			  --warmup D            warm-up before the peak measurement, not counted (default 10s)
			  --duration D          soak duration (default 10m); D is 90s, 10m, 1h or plain seconds
			  --minute D            report interval (default 60s; 10s for short test runs)
			  --hostile-every N     one hostile request in N (default 20; 0 = none)
			  --queries "q q ..."   the valid mix (default "page stats org alias byalias"), of:
			                          page     incidents of a region and year, first 50, with perpetrators
			                          stats    incidentStatistics of a year by [REGION, QUARTER]
			                          org      organization(name: TTP) with its first 20 incidents
			                          alias    organization(name: "Daesh") with parent and aliases
			                          byalias  incidents(filter: {perpetrator: ["Tehreek-e-Taliban Pakistan"]},
			                                   first: 10) with perpetrators and sources (no totalCount)
			  --region NAME / --year YYYY / --org NAME   page, stats and org parameters
			                        (default "Khyber Pakhtunkhwa", 2012, TTP)
			  --token T             sent as "Authorization: Bearer T" to /actuator/* (prometheus, health)
			  --pid PID             the API's process: heap from `jstat -gc PID` (old generation used)
			                        when /actuator/prometheus does not answer, and reported alongside
			  --timeout D           per-request timeout (default 30s); a timeout is an error
			  --max-in-flight N     requests outstanding at most (default 2000); a request that would
			                        exceed it is not sent and counts as an error
			  -h, --help            this help
			""";

	static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	// --- options ---------------------------------------------------------------------------

	String url = "http://127.0.0.1:8080/graphql";
	double rate = 0;
	int peakSeconds = 30;
	int peakClients = 8;
	double peakShare = 0.8;
	long warmupMs = 10_000;
	long durationMs = 600_000;
	long minuteMs = 60_000;
	int hostileEvery = 20;
	List<String> queries = List.of("page", "stats", "org", "alias", "byalias");
	String region = "Khyber Pakhtunkhwa";
	String year = "2012";
	String org = "TTP";
	String token;
	String pid;
	long timeoutMs = 30_000;
	int maxInFlight = 2000;

	// --- state -----------------------------------------------------------------------------

	HttpClient http;
	URI graphql;
	URI health;
	URI prometheus;
	Map<String, String> validBodies = new LinkedHashMap<>();
	List<Hostile> hostiles;

	final AtomicInteger inFlight = new AtomicInteger();
	final AtomicLong unavailable = new AtomicLong();
	final AtomicLong healthDbDown = new AtomicLong();
	final AtomicBoolean unavailableThisMinute = new AtomicBoolean();
	volatile Window window = new Window();
	final Window total = new Window();
	final Map<String, String> firstErrors = new ConcurrentHashMap<>();

	/** Counters of one interval (and of the whole run). */
	static final class Window {

		final LongAdder validSent = new LongAdder();
		final LongAdder validDone = new LongAdder();
		final LongAdder validErrors = new LongAdder();
		final LongAdder notSent = new LongAdder();
		final LongAdder hostileSent = new LongAdder();
		final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
		final Map<String, LongAdder> notRefused = new ConcurrentHashMap<>();
		final List<Long> latencies = new ArrayList<>();
		final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

		synchronized void latency(long nanos) {
			this.latencies.add(nanos);
		}

		synchronized long[] sortedLatencies() {
			long[] values = this.latencies.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(values);
			return values;
		}

		static void add(Map<String, LongAdder> map, String key) {
			map.computeIfAbsent(key, (k) -> new LongAdder()).increment();
		}

		static long sum(Map<String, LongAdder> map) {
			return map.values().stream().mapToLong(LongAdder::sum).sum();
		}

	}

	/** A hostile request and the refusal it must get. */
	record Hostile(String name, String contentType, String body, int status, String code) {
	}

	public static void main(String[] args) throws Exception {
		Soak soak = new Soak();
		try {
			soak.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("soak: " + ex.getMessage() + " (see --help)");
			System.exit(2);
		}
		System.exit(soak.run());
	}

	void parse(String[] args) {
		boolean rateGiven = false;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("-h") || option.equals("--help")) {
				System.out.print(USAGE);
				System.exit(0);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value of " + option);
			}
			String value = args[++i];
			switch (option) {
				case "--url" -> this.url = value;
				case "--rate" -> {
					this.rate = Double.parseDouble(value);
					rateGiven = true;
				}
				case "--peak-seconds" -> this.peakSeconds = Integer.parseInt(value);
				case "--peak-clients" -> this.peakClients = Integer.parseInt(value);
				case "--peak-share" -> this.peakShare = Double.parseDouble(value);
				case "--warmup" -> this.warmupMs = millis(value);
				case "--duration" -> this.durationMs = millis(value);
				case "--minute" -> this.minuteMs = millis(value);
				case "--hostile-every" -> this.hostileEvery = Integer.parseInt(value);
				case "--queries" -> this.queries = List.of(value.trim().split("\\s+"));
				case "--region" -> this.region = value;
				case "--year" -> this.year = value;
				case "--org" -> this.org = value;
				case "--token" -> this.token = value.isEmpty() ? null : value;
				case "--pid" -> this.pid = value.isEmpty() ? null : value;
				case "--timeout" -> this.timeoutMs = millis(value);
				case "--max-in-flight" -> this.maxInFlight = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		if (rateGiven && this.rate <= 0) {
			throw new IllegalArgumentException("--rate must be positive");
		}
		if (!rateGiven && (this.peakSeconds <= 0 || this.peakClients <= 0)) {
			throw new IllegalArgumentException("--peak-seconds and --peak-clients must be positive without --rate");
		}
		if (this.durationMs <= 0 || this.minuteMs <= 0 || this.hostileEvery < 0 || this.hostileEvery == 1) {
			throw new IllegalArgumentException("--duration and --minute must be positive, --hostile-every 0 or >= 2");
		}
		if (!this.year.matches("\\d{4}")) {
			throw new IllegalArgumentException("--year must be a year");
		}
		if (this.pid != null && !this.pid.matches("\\d+")) {
			throw new IllegalArgumentException("--pid must be a process id");
		}
		for (String q : this.queries) {
			if (!List.of("page", "stats", "org", "alias", "byalias").contains(q)) {
				throw new IllegalArgumentException("unknown query " + q);
			}
		}
	}

	static long millis(String value) {
		Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?").matcher(value.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("not a duration: " + value);
		}
		double n = Double.parseDouble(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "s";
		return (long) (n * switch (unit) {
			case "ms" -> 1;
			case "s" -> 1_000;
			case "m" -> 60_000;
			default -> 3_600_000;
		});
	}

	// --- the requests ----------------------------------------------------------------------

	static String json(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static String body(String query, String variables) {
		return "{\"query\":" + json(query) + ",\"variables\":" + variables + "}";
	}

	void prepare() {
		for (String q : this.queries) {
			this.validBodies.put(q, switch (q) {
				case "page" -> body("query page($region: String!, $from: Date!, $to: Date!) { incidents(filter: "
						+ "{region: [$region], date: {from: $from, to: $to}}, first: 50) { pageInfo { hasNextPage "
						+ "endCursor } edges { cursor node { id date kind place casualties { killed injured } "
						+ "perpetrators { name role suspected organization { name acronym } } } } } }",
						"{\"region\":" + json(this.region) + ",\"from\":\"" + this.year + "-01-01\",\"to\":\""
								+ this.year + "-12-31\"}");
				case "stats" -> body("query stats($from: Date!, $to: Date!) { incidentStatistics(filter: {date: "
						+ "{from: $from, to: $to}}, groupBy: [REGION, QUARTER]) { totals { incidents killed injured } "
						+ "buckets { key { region { name } quarter } incidents killed injured incidentsShare "
						+ "killedShare } } }", "{\"from\":\"" + this.year + "-01-01\",\"to\":\"" + this.year + "-12-31\"}");
				case "org" -> body("query org($name: String!) { organization(name: $name) { id name acronym "
						+ "incidents(first: 20) { pageInfo { hasNextPage endCursor } edges { node { id date place "
						+ "casualties { killed } } } } } }", "{\"name\":" + json(this.org) + "}");
				case "alias" -> body("query organizationByAlias($name: String!) { organization(name: $name) { id "
						+ "name acronym kind parent { name } aliases { name note } } }", "{\"name\":\"Daesh\"}");
				default -> body("query incidentsByAlias($name: String!) { incidents(filter: {perpetrator: "
						+ "[$name]}, first: 10) { edges { node { date place perpetrators { name suspected "
						+ "organization { name acronym } } sources { dataset recordId } } } } }",
						"{\"name\":\"Tehreek-e-Taliban Pakistan\"}");
			});
		}
		String deep = "{ organizations { edges { node { " + "parent { ".repeat(46) + "id" + " }".repeat(46)
				+ " } } } }";
		StringBuilder bomb = new StringBuilder("{ ingestRuns { edges { node { ...F0 } } } }\n");
		for (int i = 0; i < 40; i++) {
			bomb.append("fragment F").append(i).append(" on IngestRun { ...F").append(i + 1).append(" ...F")
				.append(i + 1).append(" }\n");
		}
		bomb.append("fragment F40 on IngestRun { id }\n");
		String text = "query($p: String) { incidents(filter: {text: $p}, first: 1) { edges { node { id } } } }";
		this.hostiles = List.of(
				new Hostile("body-1mb", "application/json",
						body(text, "{\"p\":\"" + "x".repeat(1024 * 1024) + "\"}"), 413, "LIMIT_EXCEEDED"),
				new Hostile("variable-20k", "application/json", body(text, "{\"p\":\"" + "x".repeat(20_000) + "\"}"),
						200, "BAD_USER_INPUT"),
				new Hostile("text-201", "application/json", body(text, "{\"p\":\"" + "z".repeat(201) + "\"}"), 200,
						"BAD_USER_INPUT"),
				new Hostile("depth-50", "application/json", body(deep, "{}"), 200, "LIMIT_EXCEEDED"),
				new Hostile("fragment-bomb", "application/json", body(bomb.toString(), "{}"), 200, "LIMIT_EXCEEDED"),
				new Hostile("multipart", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; "
						+ "name=\"operations\"\r\n\r\n{\"query\":\"{ __typename }\"}\r\n--x--\r\n", 415,
						"BAD_USER_INPUT"),
				new Hostile("page-1m", "application/json",
						body("{ organizations(first: 1000000) { totalCount edges { node { name } } } }", "{}"), 200,
						"LIMIT_EXCEEDED"),
				new Hostile("wrong-type-5k", "application/json",
						body("{ ingestRuns(first: \"" + "g".repeat(5_000) + "\") { totalCount } }", "{}"), 200,
						"BAD_USER_INPUT"));
	}

	HttpRequest request(String contentType, String body) {
		return HttpRequest.newBuilder(this.graphql)
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.timeout(Duration.ofMillis(this.timeoutMs))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

	static String firstCode(String body) {
		Matcher m = CODE.matcher(body);
		return m.find() ? m.group(1) : null;
	}

	static boolean hasErrors(String body) {
		return body.contains("\"errors\"");
	}

	void noteUnavailable(String body) {
		if (body != null && (body.contains("\"UNAVAILABLE\"") || body.toLowerCase(Locale.ROOT).contains("database is closed"))) {
			this.unavailable.incrementAndGet();
			this.unavailableThisMinute.set(true);
		}
	}

	/** Sends valid request number n (of the mix) scheduled at scheduledNanos. */
	void sendValid(long n, long scheduledNanos) {
		Window w = this.window;
		String name = this.queries.get((int) (n % this.queries.size()));
		w.validSent.increment();
		this.total.validSent.increment();
		if (this.inFlight.incrementAndGet() > this.maxInFlight) {
			this.inFlight.decrementAndGet();
			w.notSent.increment();
			this.total.notSent.increment();
			validError(w, name, "not sent: " + this.maxInFlight + " in flight");
			return;
		}
		this.http.sendAsync(request("application/json", this.validBodies.get(name)), HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> {
				this.inFlight.decrementAndGet();
				long nanos = System.nanoTime() - scheduledNanos;
				Window now = this.window;
				now.validDone.increment();
				this.total.validDone.increment();
				now.latency(nanos);
				this.total.latency(nanos);
				if (failure != null) {
					validError(now, name, failure.getClass().getSimpleName() + ": " + failure.getMessage());
				}
				else if (response.statusCode() != 200 || hasErrors(response.body())) {
					noteUnavailable(response.body());
					String code = firstCode(response.body());
					validError(now, name, "HTTP " + response.statusCode() + (code != null ? " " + code : "") + ": "
							+ abbreviate(response.body()));
				}
			});
	}

	void validError(Window w, String name, String description) {
		w.validErrors.increment();
		this.total.validErrors.increment();
		String kind = name + " " + description.replaceAll(":.*", "");
		Window.add(w.errorKinds, kind);
		Window.add(this.total.errorKinds, kind);
		this.firstErrors.putIfAbsent(kind, description);
	}

	void sendHostile(long n) {
		Hostile hostile = this.hostiles.get((int) (n % this.hostiles.size()));
		Window w = this.window;
		w.hostileSent.increment();
		this.total.hostileSent.increment();
		this.inFlight.incrementAndGet();
		this.http.sendAsync(request(hostile.contentType(), hostile.body()), HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> {
				this.inFlight.decrementAndGet();
				Window now = this.window;
				String problem = null;
				if (failure != null) {
					problem = failure.getClass().getSimpleName() + ": " + failure.getMessage();
				}
				else {
					String body = response.body();
					String code = firstCode(body);
					noteUnavailable(body);
					if (response.statusCode() != hostile.status() || !hostile.code().equals(code)) {
						problem = "HTTP " + response.statusCode() + " " + code + ", expected HTTP " + hostile.status()
								+ " " + hostile.code() + ": " + abbreviate(body);
					}
					else if (body.contains("Exception") || body.contains("\tat ")) {
						problem = "refused but the body leaks a stack trace: " + abbreviate(body);
					}
				}
				if (problem == null) {
					Window.add(now.refused, hostile.name());
					Window.add(this.total.refused, hostile.name());
				}
				else {
					Window.add(now.notRefused, hostile.name());
					Window.add(this.total.notRefused, hostile.name());
					this.firstErrors.putIfAbsent("hostile " + hostile.name(), problem);
				}
			});
	}

	static String abbreviate(String s) {
		String one = s.replaceAll("\\s+", " ");
		return one.length() > 300 ? one.substring(0, 300) + "..." : one;
	}

	// --- peak ------------------------------------------------------------------------------

	/** Closed loop: each client sends the next request of the mix when its last one is answered. */
	double closedLoop(long millis, boolean report) throws InterruptedException {
		LongAdder done = new LongAdder();
		LongAdder errors = new LongAdder();
		AtomicLong counter = new AtomicLong();
		long end = System.nanoTime() + millis * 1_000_000;
		List<Long> latencies = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(this.peakClients);
		for (int c = 0; c < this.peakClients; c++) {
			clients.submit(() -> {
				while (System.nanoTime() < end) {
					String name = this.queries.get((int) (counter.getAndIncrement() % this.queries.size()));
					long start = System.nanoTime();
					try {
						HttpResponse<String> r = this.http.send(request("application/json", this.validBodies.get(name)),
								HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() != 200 || hasErrors(r.body())) {
							errors.increment();
						}
					}
					catch (Exception ex) {
						errors.increment();
					}
					long nanos = System.nanoTime() - start;
					if (System.nanoTime() <= end) {
						done.increment();
						synchronized (latencies) {
							latencies.add(nanos);
						}
					}
				}
				return null;
			});
		}
		clients.shutdown();
		clients.awaitTermination(millis + this.timeoutMs + 10_000, TimeUnit.MILLISECONDS);
		double rps = done.sum() * 1000.0 / millis;
		if (report) {
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			log(String.format(Locale.ROOT, "peak: %d clients, %.1f s: %d requests, %.1f req/s, p50 %s p99 %s, errors %d",
					this.peakClients, millis / 1000.0, done.sum(), rps, ms(percentile(sorted, 50)),
					ms(percentile(sorted, 99)), errors.sum()));
		}
		return rps;
	}

	// --- heap and health -------------------------------------------------------------------

	static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)");

	static final Pattern OLD_GEN = Pattern
		.compile("(?m)^jvm_memory_used_bytes\\{[^}]*id=\"[^\"]*(?:Old Gen|Tenured Gen)\"[^}]*\\}\\s+([0-9.eE+-]+)");

	/** "85.3 MB live after GC (prometheus)" or similar; bytes in [0], -1 when unknown. */
	String heap(long[] bytes) {
		List<String> parts = new ArrayList<>();
		bytes[0] = -1;
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(this.prometheus).timeout(Duration.ofSeconds(10)).GET();
			if (this.token != null) {
				b.header("Authorization", "Bearer " + this.token);
			}
			HttpResponse<String> r = this.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = LIVE.matcher(r.body());
			Matcher old = OLD_GEN.matcher(r.body());
			if (r.statusCode() == 200 && m.find()) {
				long live = (long) Double.parseDouble(m.group(1));
				long oldGen = old.find() ? (long) Double.parseDouble(old.group(1)) : -1;
				if (live > 0) {
					bytes[0] = live;
					parts.add(mb(live) + " live after GC (prometheus)");
				}
				else {
					// 0 until the old generation has been collected once (G1: a mixed or full GC)
					bytes[0] = oldGen;
					parts.add(mb(oldGen) + " old gen used, no old-gen collection yet (prometheus)");
				}
			}
			else if (this.pid == null) {
				parts.add("prometheus HTTP " + r.statusCode() + (r.statusCode() == 200 ? " without jvm_gc_live_data_size_bytes" : "")
						+ (r.statusCode() == 401 || r.statusCode() == 403
								? (this.token == null ? " (pass --token, or --pid)" : " (the token was refused; or pass --pid)") : ""));
			}
		}
		catch (Exception ex) {
			if (this.pid == null) {
				parts.add("prometheus: " + ex.getClass().getSimpleName());
			}
		}
		if (this.pid != null) {
			long[] jstat = jstat();
			if (jstat == null) {
				parts.add("jstat -gc " + this.pid + " failed: " + this.jstatProblem);
			}
			else {
				if (bytes[0] < 0) {
					bytes[0] = jstat[0];
				}
				parts.add(mb(jstat[0]) + " old gen used, " + mb(jstat[1]) + " heap used (jstat, after " + jstat[2]
						+ " young/" + jstat[3] + " full GCs)");
			}
		}
		return String.join("; ", parts);
	}

	/** Old generation used, heap used (bytes), young and full GC counts; null on failure. */
	long[] jstat() {
		try {
			Process p = new ProcessBuilder("jstat", "-gc", this.pid).redirectErrorStream(true).start();
			List<String> lines;
			try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
				lines = in.lines().collect(Collectors.toList());
			}
			if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0 || lines.size() < 2) {
				this.jstatProblem = lines.isEmpty() ? "exit " + p.exitValue() : abbreviate(lines.get(0));
				return null;
			}
			List<String> header = List.of(lines.get(0).trim().split("\\s+"));
			String[] values = lines.get(1).trim().split("\\s+");
			java.util.function.ToDoubleFunction<String> v = (col) -> {
				int i = header.indexOf(col);
				return (i < 0 || values[i].equals("-")) ? 0 : Double.parseDouble(values[i]);
			};
			double heapKb = v.applyAsDouble("S0U") + v.applyAsDouble("S1U") + v.applyAsDouble("EU")
					+ v.applyAsDouble("OU");
			return new long[] { (long) (v.applyAsDouble("OU") * 1024), (long) (heapKb * 1024),
					(long) v.applyAsDouble("YGC"), (long) v.applyAsDouble("FGC") };
		}
		catch (Exception ex) {
			this.jstatProblem = ex.toString();
			return null;
		}
	}

	String jstatProblem = "";

	/** HTTP status and the top-level status of /actuator/health, e.g. "200 UP". */
	String health() {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(this.health).timeout(Duration.ofSeconds(10)).GET();
			if (this.token != null) {
				b.header("Authorization", "Bearer " + this.token);
			}
			HttpResponse<String> r = this.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			String status = topLevelStatus(r.body());
			if (r.body().matches("(?s).*\"db\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"DOWN\".*")) {
				status += " (db DOWN)";
				this.unavailableThisMinute.set(true);
				this.healthDbDown.incrementAndGet();
			}
			return r.statusCode() + " " + status;
		}
		catch (Exception ex) {
			return "no answer (" + ex.getClass().getSimpleName() + ")";
		}
	}

	/** The "status" of the outermost object (Spring lists the components' statuses first). */
	static String topLevelStatus(String body) {
		Matcher m = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"").matcher(body);
		while (m.find()) {
			int depth = 0;
			boolean quoted = false;
			for (int i = 0; i < m.start(); i++) {
				char c = body.charAt(i);
				if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
					quoted = !quoted;
				}
				else if (!quoted && c == '{') {
					depth++;
				}
				else if (!quoted && c == '}') {
					depth--;
				}
			}
			if (depth == 1) {
				return m.group(1);
			}
		}
		return "?";
	}

	// --- the run ---------------------------------------------------------------------------

	int run() throws Exception {
		URI endpoint = URI.create(this.url);
		this.graphql = endpoint;
		this.health = endpoint.resolve("/actuator/health");
		this.prometheus = endpoint.resolve("/actuator/prometheus");
		// HTTP/1.1: the API speaks no h2c; an executor of its own for the answers
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		prepare();

		// 1. every query answers, every hostile shape is refused
		for (Map.Entry<String, String> q : this.validBodies.entrySet()) {
			HttpResponse<String> r;
			try {
				r = this.http.send(request("application/json", q.getValue()), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				System.err.println("soak: the API at " + this.url + " does not answer: " + ex);
				return 2;
			}
			if (r.statusCode() != 200 || hasErrors(r.body()) || !r.body().contains("\"data\"")) {
				System.err.println("soak: query " + q.getKey() + " fails: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
				return 2;
			}
			log(q.getKey() + " answers: " + abbreviate(r.body()).substring(0, Math.min(120, r.body().length())) + "...");
		}
		log("health before: " + health() + "; heap: " + heap(new long[1]));

		// 2. the rate
		double peak = 0;
		if (this.rate <= 0) {
			if (this.warmupMs > 0) {
				log("warm-up: " + this.peakClients + " closed-loop clients for " + this.warmupMs / 1000.0 + " s");
				closedLoop(this.warmupMs, false);
			}
			peak = closedLoop(this.peakSeconds * 1000L, true);
			this.rate = peak * this.peakShare;
			if (this.rate <= 0) {
				System.err.println("soak: the peak measurement completed no request");
				return 2;
			}
		}
		long periodNanos = (long) (1e9 / this.rate);
		log(String.format(Locale.ROOT, "soak: %.1f req/s%s for %.0f s, %d valid queries (%s), %s, report every %.0f s",
				this.rate, peak > 0 ? String.format(Locale.ROOT, " (%.0f%% of the peak %.1f)", 100 * this.peakShare, peak) : "",
				this.durationMs / 1000.0, this.queries.size(), String.join(" ", this.queries),
				this.hostileEvery > 0 ? "1 in " + this.hostileEvery + " hostile (" + this.hostiles.stream().map(Hostile::name).collect(Collectors.joining(" ")) + ")" : "no hostile requests",
				this.minuteMs / 1000.0));
		System.out.println(String.format("%-8s %4s %7s %6s %6s %8s %8s %8s %8s %6s  %s", "time", "min", "valid", "done",
				"errors", "p50_ms", "p99_ms", "hostile", "refused", "NOT", "heap / health / refused per shape"));

		// 3. open loop: request n is due at start + n * period, whenever the scheduler runs
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		long end = start + this.durationMs * 1_000_000;
		AtomicLong sequence = new AtomicLong();
		AtomicLong validSequence = new AtomicLong();
		AtomicLong hostileSequence = new AtomicLong();
		Runnable tick = () -> {
			long now = System.nanoTime();
			// every request due by now, each with its own scheduled time (catching up after a stall)
			while (true) {
				long n = sequence.get();
				long due = start + n * periodNanos;
				if (due > now || due >= end) {
					break;
				}
				sequence.incrementAndGet();
				try {
					if (this.hostileEvery > 0 && n % this.hostileEvery == this.hostileEvery - 1) {
						sendHostile(hostileSequence.getAndIncrement());
					}
					else {
						sendValid(validSequence.getAndIncrement(), due);
					}
				}
				catch (RuntimeException ex) {
					validError(this.window, "send", ex.toString());
				}
			}
		};
		// ticks of at most 1 ms: a request leaves at most that late (counted in its latency)
		scheduler.scheduleAtFixedRate(tick, 0, Math.max(200_000, Math.min(periodNanos / 2, 1_000_000)),
				TimeUnit.NANOSECONDS);

		List<Long> heaps = new ArrayList<>();
		List<String> minutes = new ArrayList<>();
		boolean everUnavailable = false;
		int minute = 0;
		long next = start + this.minuteMs * 1_000_000;
		while (true) {
			long sleep = Math.min(next, end) - System.nanoTime();
			if (sleep > 0) {
				TimeUnit.NANOSECONDS.sleep(sleep);
			}
			boolean last = System.nanoTime() >= end;
			if (last) {
				scheduler.shutdownNow();
				drain();
			}
			Window w = this.window;
			this.window = new Window();
			minute++;
			long[] heapBytes = new long[1];
			String heap = heap(heapBytes);
			heaps.add(heapBytes[0]);
			String health = health();
			boolean unavailableNow = this.unavailableThisMinute.getAndSet(false);
			everUnavailable |= unavailableNow;
			long[] sorted = w.sortedLatencies();
			String line = String.format(Locale.ROOT, "%-8s %4d %7d %6d %6d %8s %8s %8d %8d %6d  heap %s; health %s%s; %s%s",
					LocalTime.now().format(CLOCK), minute, w.validSent.sum(), w.validDone.sum(), w.validErrors.sum(),
					ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), w.hostileSent.sum(), Window.sum(w.refused),
					Window.sum(w.notRefused), heap, health, unavailableNow ? "; UNAVAILABLE/db DOWN seen" : "",
					w.refused.isEmpty() ? "none refused" : "refused: " + shapes(w.refused),
					w.notRefused.isEmpty() ? "" : "; NOT refused: " + shapes(w.notRefused));
			System.out.println(line);
			minutes.add(line);
			if (!w.errorKinds.isEmpty()) {
				System.out.println("         errors: " + shapes(w.errorKinds));
			}
			if (last) {
				break;
			}
			next += this.minuteMs * 1_000_000;
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		// 4. summary
		String finalHealth = health();
		boolean healthy = finalHealth.startsWith("200 UP");
		long[] sorted = this.total.sortedLatencies();
		long validErrors = this.total.validErrors.sum();
		long notRefused = Window.sum(this.total.notRefused);
		everUnavailable |= this.unavailable.get() > 0;
		System.out.println();
		System.out.println("summary (" + this.url + ", " + String.format(Locale.ROOT, "%.1f req/s scheduled", this.rate)
				+ (peak > 0 ? String.format(Locale.ROOT, ", %.0f%% of the peak %.1f req/s", 100 * this.peakShare, peak) : "")
				+ ", " + String.format(Locale.ROOT, "%.0f s", this.durationMs / 1000.0) + ")");
		System.out.printf(Locale.ROOT, "  valid:   %d sent, %d answered, %d errors (%d not sent: too many in flight); "
				+ "p50 %s ms, p99 %s ms, max %s ms (from the scheduled send time)%n", this.total.validSent.sum(),
				this.total.validDone.sum(), validErrors, this.total.notSent.sum(), ms(percentile(sorted, 50)),
				ms(percentile(sorted, 99)), ms(sorted.length > 0 ? sorted[sorted.length - 1] : -1));
		if (!this.total.errorKinds.isEmpty()) {
			System.out.println("           errors: " + shapes(this.total.errorKinds));
		}
		System.out.printf(Locale.ROOT, "  hostile: %d sent, %d refused as expected (%s), %d NOT refused as expected%s%n",
				this.total.hostileSent.sum(), Window.sum(this.total.refused), shapes(this.total.refused), notRefused,
				notRefused > 0 ? " (" + shapes(this.total.notRefused) + ")" : "");
		System.out.printf(Locale.ROOT, "  rate:    %.1f requests/s sent over %.0f s (then %.1f s for the last answers and figures)%n",
				(this.total.validSent.sum() + this.total.hostileSent.sum()) / (this.durationMs / 1000.0),
				this.durationMs / 1000.0, seconds - this.durationMs / 1000.0);
		System.out.println("  heap:    first interval " + mb(heaps.get(0)) + ", last interval " + mb(heaps.get(heaps.size() - 1))
				+ " (jvm_gc_live_data_size_bytes; old gen used while that is 0 or /actuator/prometheus does not answer)");
		System.out.println("  database reported closed/UNAVAILABLE (answers or health db DOWN): "
				+ (everUnavailable ? "YES (" + this.unavailable.get() + " GraphQL answers UNAVAILABLE or database closed, "
						+ this.healthDbDown.get() + " health checks with db DOWN)" : "no"));
		System.out.println("  final health: " + finalHealth);
		if (!this.firstErrors.isEmpty()) {
			System.out.println("  first occurrence of each problem:");
			this.firstErrors.forEach((k, v) -> System.out.println("    " + k + ": " + v));
		}
		List<String> failures = new ArrayList<>();
		if (validErrors > 0) {
			failures.add(validErrors + " valid requests with errors");
		}
		if (notRefused > 0) {
			failures.add(notRefused + " hostile requests not refused as expected");
		}
		if (!healthy) {
			failures.add("the API ended unhealthy (" + finalHealth + ")");
		}
		System.out.println("  verdict: " + (failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures)));
		return failures.isEmpty() ? 0 : 1;
	}

	/** Waits for the requests still outstanding, at most the request timeout and a margin. */
	void drain() throws InterruptedException {
		long until = System.nanoTime() + (this.timeoutMs + 5_000) * 1_000_000;
		while (this.inFlight.get() > 0 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

	static String shapes(Map<String, LongAdder> counts) {
		return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.map((e) -> e.getKey() + " " + e.getValue().sum()).collect(Collectors.joining(", "));
	}

	static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return -1;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

	static String ms(long nanos) {
		return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
	}

	static String mb(long bytes) {
		return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}

	static void log(String message) {
		System.err.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
	}

}
