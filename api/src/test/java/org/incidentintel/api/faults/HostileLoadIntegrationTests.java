package org.incidentintel.api.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.incidentintel.api.faults.GraphQlHttp.Answer;
import org.incidentintel.api.faults.LoadClients.Probe;
import org.incidentintel.api.faults.LoadClients.Sample;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API on embedded H2 while several clients send, for a fixed time, valid queries
 * mixed with hostile ones (50 levels deep, 5,000 aliases, a 200 KB document, a 1 MB body,
 * a page of a million, a fragment bomb, statistics over every dimension): every valid
 * query keeps answering exactly what it answers alone, every hostile one is refused with
 * {@code LIMIT_EXCEEDED} naming its limit, and the heap after a full GC is about what it
 * was before. It asserts behaviour, not speed; the latencies are printed.
 * <p>
 * A longer, heavier run: {@code -Dfaults.hostile-load.seconds=300
 * -Dfaults.hostile-load.clients=8} (see docs/operations.md).
 */
// All clients share one address, so the per-client rate limit would refuse the valid
// queries too: it has tests of its own; this one is about the limits of a single request.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hostile-load;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=",
				"incidentintel.api.rate-limit.enabled=false" })
class HostileLoadIntegrationTests {

	private static final int SECONDS = Integer.getInteger("faults.hostile-load.seconds", 20);

	/** Clients of each kind: this many send valid queries, as many hostile ones. */
	private static final int CLIENTS = Integer.getInteger("faults.hostile-load.clients", 3);

	private static final int INCIDENTS = 8000;

	/** Growth of the heap (after a full GC) that the run may leave behind. */
	private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

	private static final List<Probe> VALID = List.of(new Probe("incidents page", """
			{ incidents(first: 50) { totalCount pageInfo { hasNextPage endCursor }
			  edges { cursor node { id date kind place casualties { killed injured } region { name }
			  perpetrators { name role organization { name } } } } } }"""), new Probe("incidents filtered", """
			{ incidents(first: 20, filter: {region: ["Balochistan"], killed: {min: 5}, perpetrator: ["TTP"]}) {
			  totalCount edges { node { place date casualties { killed } } } } }"""),
			new Probe("statistics by year and region", """
					{ incidentStatistics(groupBy: [YEAR, REGION]) { totals { incidents killed injured }
					  buckets { key { year region { name } } incidents killed killedShare } } }"""),
			new Probe("organizations",
					"{ organizations(first: 20) { totalCount edges { node { name aliases { name } } } } }"));

	private static final List<Refusal> HOSTILE = List.of(
			new Refusal("depth 50",
					"{ organizations { edges { node { " + "parent { ".repeat(46) + "id" + " }".repeat(46) + " } } } }",
					"incidentintel.api.max-depth", "nests 50 levels deep"),
			new Refusal("5,000 aliases",
					IntStream.range(0, 5000)
						.mapToObj((i) -> "a" + i + ":__typename")
						.collect(Collectors.joining(" ", "{", "}")),
					"incidentintel.api.max-tokens", "more than 15000 tokens"),
			new Refusal("200 KB document",
					"{ incidents { totalCount } }\n" + ("# padding" + " ".repeat(90) + "\n").repeat(2_000),
					"incidentintel.api.max-document-length", "characters long"),
			// Refused before it is read, with HTTP 413
			new Refusal("1 MB body",
					"{ incidents { totalCount } }\n" + ("# padding" + " ".repeat(90) + "\n").repeat(10_000),
					"incidentintel.api.max-request-size", "request body is larger", 413),
			new Refusal("first: 1000000", "{ incidents(first: 1000000) { totalCount edges { node { id } } } }", null,
					"first is 1000000; a page holds at most 100 items"),
			new Refusal("fragment bomb", fragmentBomb(), "incidentintel.api.max-cost", "fields"),
			new Refusal("statistics over every dimension", """
					{ incidentStatistics(groupBy: [YEAR, MONTH, QUARTER, REGION, KIND, PERPETRATOR, SOURCE, COUNTRY]) {
					  totals { incidents } buckets { key { year month region { name } kind } incidents } } }""", null,
					"more than 5000 buckets"));

	@LocalServerPort
	int port;

	@Autowired
	ReferenceDataLoader referenceData;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void validQueriesKeepAnsweringAndHostileOnesAreRefusedWhileBothArrive() throws Exception {
		this.referenceData.load(new ReferenceDataReader().readClasspath());
		insertIncidents();
		GraphQlHttp http = new GraphQlHttp(this.port);
		Map<String, Object> expected = new HashMap<>();
		for (Probe probe : VALID) {
			Answer alone = http.post(probe.document());
			assertThat(alone.errors()).as(alone.toString()).isEmpty();
			expected.put(probe.name(), alone.data());
		}
		assertThat(http.post(VALID.get(0).document()).<Integer>read("$.data.incidents.totalCount"))
			.isEqualTo(INCIDENTS);
		assertThat(http.post(VALID.get(2).document()).<Integer>read("$.data.incidentStatistics.totals.killed"))
			.isEqualTo(this.jdbc.queryForObject("select sum(killed) from incident", Integer.class));
		for (Refusal refusal : HOSTILE) {
			assertRefused(refusal, http.post(refusal.probe().document()));
		}
		long heapBefore = heapAfterFullGc();

		List<List<Probe>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(rotated(VALID, i));
			clients.add(rotated(HOSTILE.stream().map(Refusal::probe).toList(), i));
		}
		LoadClients load = new LoadClients(http, clients);
		try {
			Thread.sleep(SECONDS * 1000L);
		}
		finally {
			load.close();
		}
		List<Sample> samples = load.samples();
		long heapAfter = heapAfterFullGc();

		Map<String, List<Sample>> byProbe = samples.stream()
			.collect(Collectors.groupingBy((sample) -> sample.probe().name()));
		System.out.printf(
				"[hostile load] %d s, %d valid and %d hostile clients, %d answers; heap after a full GC "
						+ "%d MB before, %d MB after%n",
				SECONDS, CLIENTS, CLIENTS, samples.size(), heapBefore >> 20, heapAfter >> 20);
		byProbe.forEach((name, answers) -> System.out.printf("[hostile load]   %-32s %s%n", name, latencies(answers)));

		Map<String, Refusal> refusals = HOSTILE.stream()
			.collect(Collectors.toMap((refusal) -> refusal.probe().name(), (refusal) -> refusal));
		assertThat(byProbe.keySet()).as("every probe was sent during the run").hasSize(VALID.size() + HOSTILE.size());
		for (Sample sample : samples) {
			Answer answer = sample.answer();
			Refusal refusal = refusals.get(sample.probe().name());
			if (refusal != null) {
				assertRefused(refusal, answer);
			}
			else {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				assertThat(answer.errors()).as(sample.probe().name() + ": " + answer).isEmpty();
				assertThat(answer.data()).as(sample.probe().name()).isEqualTo(expected.get(sample.probe().name()));
			}
		}
		assertThat(heapAfter - heapBefore).as("heap growth after a full GC, bytes").isLessThan(HEAP_GROWTH_BOUND);
	}

	/**
	 * Refused, with a single {@code LIMIT_EXCEEDED} error naming its limit, and no detail
	 * of the server.
	 */
	private static void assertRefused(Refusal refusal, Answer answer) {
		String what = refusal.probe().name() + ": " + answer;
		assertThat(answer.status()).as(what).isEqualTo(refusal.status());
		assertThat(answer.codes()).as(what).containsExactly("LIMIT_EXCEEDED");
		assertThat(answer.errors().get(0).get("message").toString()).as(what).contains(refusal.message());
		if (refusal.limit() != null) {
			assertThat(answer.<String>read("$.errors[0].extensions.limit")).as(what).isEqualTo(refusal.limit());
		}
		assertThat(answer.errorsLeakInternals()).as(what).isFalse();
	}

	/**
	 * {@value #INCIDENTS} incidents, one a day from 2004 in four provinces, a third by
	 * TTP, a third by the BLA, the rest without actors. Region, kind and actor vary
	 * independently, so no two incidents of a month share them: grouped by every
	 * dimension, there are more than 5,000 buckets.
	 */
	private void insertIncidents() {
		List<Long> regions = List.of("pk-kp", "pk-ba", "pk-sd", "pk-pb")
			.stream()
			.map((key) -> this.jdbc.queryForObject("select id from region where ref_key = ?", Long.class, key))
			.toList();
		this.jdbc.update("""
				insert into incident (date_start, date_end, date_precision, kind, country, region_id,
				  region_at_event_id, place, killed, injured, created_at, updated_at)
				select dateadd(day, x, date '2004-01-01'), dateadd(day, x, date '2004-01-01'), 'DAY',
				  case mod(x / 4, 4) when 0 then 'ATTACK' when 1 then 'CLASH' when 2 then 'STRIKE'
				  else 'SECURITY_OPERATION' end, 'PAK',
				  case mod(x, 4) when 0 then ? when 1 then ? when 2 then ? else ? end,
				  case mod(x, 4) when 0 then ? when 1 then ? when 2 then ? else ? end,
				  'Synthetic place ' || x, mod(x, 17), mod(x, 11), current_timestamp, current_timestamp
				from system_range(1, ?)""", regions.get(0), regions.get(1), regions.get(2), regions.get(3),
				regions.get(0), regions.get(1), regions.get(2), regions.get(3), INCIDENTS);
		// As every writer of incident rows does: the statistics cells are stale now
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1");
		for (String[] actor : List.of(new String[] { "ttp", "TTP", "0" }, new String[] { "bla", "BLA", "1" })) {
			this.jdbc.update("""
					insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, suspected)
					select i.id, o.id, ?, 'PERPETRATOR', false from incident i, organization o
					where o.ref_key = ? and mod(i.id, 3) = ?""", actor[1], actor[0], Integer.parseInt(actor[2]));
		}
	}

	/** 2^40 fields once expanded, in 42 lines. */
	private static String fragmentBomb() {
		StringBuilder document = new StringBuilder("{ incidents { edges { node { ...F0 } } } }\n");
		for (int i = 0; i < 40; i++) {
			document.append("fragment F%d on Incident { ...F%d ...F%d }\n".formatted(i, i + 1, i + 1));
		}
		return document.append("fragment F40 on Incident { id }\n").toString();
	}

	private static <T> List<T> rotated(List<T> list, int distance) {
		List<T> rotated = new ArrayList<>(list);
		Collections.rotate(rotated, distance);
		return rotated;
	}

	private static long heapAfterFullGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		// a few rounds: objects freed by finalization or cleaners need more than one
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static String latencies(List<Sample> answers) {
		long[] millis = answers.stream().mapToLong((sample) -> sample.answer().millis()).sorted().toArray();
		return "%6d answers, latency p50 %4d ms, p95 %4d ms, max %5d ms".formatted(millis.length,
				millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1]);
	}

	/**
	 * A hostile document and how it must be refused.
	 *
	 * @param probe the document
	 * @param limit the {@code extensions.limit} the error names, when the refusal comes
	 * from a configured limit
	 * @param message a part of the error's message
	 */
	record Refusal(Probe probe, String limit, String message, int status) {

		Refusal(String name, String document, String limit, String message) {
			this(new Probe(name, document), limit, message, 200);
		}

		Refusal(String name, String document, String limit, String message, int status) {
			this(new Probe(name, document), limit, message, status);
		}

	}

}
