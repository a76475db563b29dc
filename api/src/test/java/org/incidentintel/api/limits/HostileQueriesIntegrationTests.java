package org.incidentintel.api.limits;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.api.testing.H2IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests over HTTP, on an in-memory H2: each is refused with a documented code
 * and without a single SQL statement. Bodies never leak stack traces or SQL.
 */
@H2IntegrationTest
class HostileQueriesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void countFromZero() {
		StatementCounting.STATEMENTS.clear();
	}

	@Test
	void aQueryFiftyLevelsDeepIsRefused() {
		// organizations > edges > node, then 46 parents, then id: 50 levels
		String document = "{ organizations { edges { node { " + "parent { ".repeat(46) + "id" + " }".repeat(46)
				+ " } } } }";

		Refusal refusal = post(document);

		refusal.assertLimit("max-depth", 15, 50L);
		assertThat(refusal.message()).isEqualTo("The query nests 50 levels deep; at most 15 are allowed.");
	}

	@Test
	void depthCountsThroughFragments() {
		String document = """
				query { organizations { ...Deep } }
				fragment Deep on OrganizationConnection { edges { node { ...Parents } } }
				fragment Parents on Organization { parent { parent { parent { parent { parent { parent { parent {
				  parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } }
				""";

		post(document).assertLimit("max-depth", 15, 17L);
	}

	@Test
	void fiveThousandAliasesAreRefusedByTheParser() {
		String aliases = IntStream.range(0, 5000)
			.mapToObj((i) -> "a" + i + ":__typename")
			.collect(Collectors.joining(" ", "{", "}"));
		assertThat(aliases.length()).isLessThan(100_000);

		Refusal refusal = post(aliases);

		refusal.assertLimit("max-tokens", 15000, null);
		assertThat(refusal.message()).contains("more than 15000 tokens");
	}

	@Test
	void moreThanAHundredAliasesAreRefused() {
		String aliases = IntStream.range(0, 101)
			.mapToObj((i) -> "a" + i + ": id")
			.collect(Collectors.joining(" ", "{ ingestRuns { edges { node { ", " } } } }"));

		Refusal refusal = post(aliases);

		refusal.assertLimit("max-aliases", 100, 101L);
		assertThat(refusal.message()).isEqualTo("The document holds 101 aliases; at most 100 are allowed.");
	}

	@Test
	void moreThanThirtyRootFieldsAreRefused() {
		String fields = IntStream.range(0, 31)
			.mapToObj((i) -> "r" + i + ": ingestRuns { totalCount }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		post(fields).assertLimit("max-root-fields", 30, 31L);
	}

	@Test
	void aDocumentOverItsLengthIsRefusedBeforeParsing() {
		// Over max-document-length, within the request size
		String document = "{ ingestRuns { totalCount } }\n" + ("# padding" + " ".repeat(90) + "\n").repeat(2_000);
		assertThat(document.length()).isGreaterThan(200_000);

		Refusal refusal = post(document);

		refusal.assertLimit("max-document-length", 100000, (long) document.length());
		assertThat(refusal.message()).startsWith("The document is " + document.length() + " characters long");
	}

	// Values: every string bounded, the body too (a 20 MB variable once ran the API out
	// of
	// memory and H2 closed its database)
	// -------------------------------------

	@Test
	void aLongStringVariableIsRefusedBeforeParsing() {
		String pattern = "x".repeat(20_000);

		Refusal refusal = post("query($p: String) { incidents(filter: {text: $p}, first: 1) { totalCount } }",
				Map.of("p", pattern));

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message()).isEqualTo("Variables.p is 20000 characters long; at most 10000 are accepted.");
		assertThat(refusal.read("$.errors[0].extensions.limit", String.class))
			.isEqualTo("incidentintel.api.max-string-length");
		assertThat(refusal.body()).hasSizeLessThan(1_000);
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void aLongStringNestedInAVariableIsNamedByItsPath() {
		Refusal refusal = post("query($f: IncidentFilter) { incidents(filter: $f, first: 1) { totalCount } }", Map
			.of("f", Map.of("or", List.of(Map.of("text", "a"), Map.of("perpetrator", List.of("y".repeat(10_001)))))));

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message()).startsWith("Variables.f.or[1].perpetrator[0] is 10001 characters long");
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void aLongStringLiteralIsRefusedBeforeValidation() {
		String document = "{ incidents(filter: {text: \"" + "x".repeat(10_001) + "\"}, first: 1) { totalCount } }";

		Refusal refusal = post(document);

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message())
			.isEqualTo("The string at line 1, column 28 is 10001 characters long; at most 10000 are accepted.");
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void aTextSearchTermOverTwoHundredCharactersIsRefusedWithItsPath() {
		Refusal refusal = post("query($p: String) { incidents(filter: {and: [{text: $p}]}, first: 1) { totalCount } }",
				Map.of("p", "z".repeat(201)));

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message()).isEqualTo("a text search term is at most 200 characters long, got 201");
		assertThat(refusal.read("$.errors[0].extensions.argumentPath", List.class))
			.isEqualTo(List.of("filter", "and", 0, "text"));
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void textSearchesAreChargedWhatTheyCost() {
		// Six scans of every summary: 6 x 2,000 over the budget of 10,000
		String conditions = IntStream.range(0, 6)
			.mapToObj((i) -> "{text: \"t" + i + "\"}")
			.collect(Collectors.joining(", "));

		Refusal refusal = post("{ incidents(filter: {or: [" + conditions + "]}, first: 1) { totalCount } }");

		assertThat(refusal.code()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(refusal.read("$.errors[0].extensions.limit", String.class)).isEqualTo("incidentintel.api.max-cost");
		assertThat(refusal.read("$.errors[0].extensions.actual", Long.class)).isGreaterThan(12_000L);
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void aBodyOverTheRequestSizeIsRefusedBeforeItIsRead() throws Exception {
		String body = JSON.writeValueAsString(
				Map.of("query", "query($p: String) { __typename }", "variables", Map.of("p", "x".repeat(600_000))));

		HttpResponse<String> declared = send(HttpRequest.BodyPublishers.ofString(body), "application/json");
		// No Content-Length: the body arrives in chunks
		HttpResponse<String> chunked = send(
				HttpRequest.BodyPublishers.ofInputStream(
						() -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				"application/json");

		for (HttpResponse<String> response : List.of(declared, chunked)) {
			assertThat(response.statusCode()).isEqualTo(413);
			Refusal refusal = new Refusal(response.body());
			assertThat(refusal.code()).isEqualTo("LIMIT_EXCEEDED");
			assertThat(refusal.read("$.errors[0].extensions.limit", String.class))
				.isEqualTo("incidentintel.api.max-request-size");
			assertThat(refusal.read("$.errors[0].extensions.maximum", Long.class)).isEqualTo(512L * 1024);
		}
		assertThat(new Refusal(declared.body()).read("$.errors[0].extensions.actual", Long.class))
			.isEqualTo((long) body.length());
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void aChunkedBodyWithinTheRequestSizeIsServed() throws Exception {
		String body = JSON.writeValueAsString(Map.of("query", "{ ingestRuns { totalCount } }"));

		HttpResponse<String> response = send(
				HttpRequest.BodyPublishers.ofInputStream(
						() -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new Refusal(response.body()).read("$.data.ingestRuns.totalCount", Integer.class)).isZero();
	}

	@Test
	void aMultipartBodyIsUnsupportedMediaType() throws Exception {
		// Malformed on purpose (no boundary): the servlet container once failed parsing
		// it with a 500
		for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=x",
				"application/x-www-form-urlencoded")) {
			HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofString("garbage"), contentType);

			assertThat(response.statusCode()).as(contentType).isEqualTo(415);
			assertThat(new Refusal(response.body()).code()).isEqualTo("BAD_USER_INPUT");
			assertThat(new Refusal(response.body()).message()).contains("Content-Type: application/json");
		}
	}

	// Messages say what is wrong without graphql-java's internals or the whole value
	// -------------------------------------

	@Test
	void aValueOfTheWrongTypeIsQuotedShortAndWithoutSyntaxTreeDumps() {
		Refusal literal = post("{ ingestRuns(first: \"" + "g".repeat(5_000) + "\") { totalCount } }");
		Refusal object = post("{ incidents(filter: {killed: \"x\"}, first: 1) { totalCount } }");
		Refusal enumValue = post("{ incidentStatistics(groupBy: [FOO]) { buckets { count } } }");

		assertThat(literal.message()).contains("\"gggg").contains("(5000 characters)").hasSizeLessThan(400);
		assertThat(object.message()).contains("'filter.killed'");
		for (Refusal refusal : List.of(literal, object, enumValue)) {
			assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
			assertThat(refusal.message()).doesNotContain("StringValue", "ObjectValue", "ObjectField", "EnumValue",
					"ANTLR");
		}
	}

	@Test
	void aSyntaxErrorSaysWhereWithoutParserJargon() {
		Refusal refusal = post("{ ingestRuns { totalCount \" }");

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message()).startsWith("Invalid syntax").doesNotContain("ANTLR");
	}

	@Test
	void aMillionItemsPageIsRefused() {
		for (String document : List.of("{ ingestRuns(first: 1000000) { totalCount edges { node { id } } } }",
				"{ organizations(first: 1000000) { totalCount edges { node { name } } } }")) {
			Refusal refusal = post(document);

			assertThat(refusal.code()).isEqualTo("LIMIT_EXCEEDED");
			assertThat(refusal.message()).contains("first is 1000000; a page holds at most 100 items");
			assertThat(refusal.read("$.errors[0].extensions.argumentPath", List.class)).isEqualTo(List.of("first"));
			assertThat(StatementCounting.STATEMENTS).isEmpty();
		}
	}

	@Test
	void aMillionItemsPageInAVariableIsRefused() {
		Refusal refusal = post("query($first: Int) { organizations(first: $first) { totalCount } }",
				Map.of("first", 1_000_000));

		assertThat(refusal.code()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	@Test
	void nestedPagesOverTheCostBudgetAreRefused() {
		String document = "{ organizations(first: 100) { edges { node { dialogues(first: 100) { totalCount } } } } }";

		Refusal refusal = post(document);

		refusal.assertLimit("max-cost", 10000, 10301L);
		assertThat(refusal.message()).startsWith("The operation costs 10301; at most 10000 is allowed");
	}

	@Test
	void pageSizesInVariablesCountInTheCost() {
		String document = """
				query($outer: Int, $inner: Int) {
				  organizations(first: $outer) { edges { node { dialogues(first: $inner) { totalCount } } } }
				}
				""";

		post(document, Map.of("outer", 100, "inner", 100)).assertLimit("max-cost", 10000, 10301L);
	}

	@Test
	void aFragmentBombIsRefusedBeforeValidation() {
		// 2^40 fields once expanded, in 40 lines
		StringBuilder document = new StringBuilder("{ ingestRuns { edges { node { ...F0 } } } }\n");
		for (int i = 0; i < 40; i++) {
			document.append("fragment F")
				.append(i)
				.append(" on IngestRun { ...F")
				.append(i + 1)
				.append(" ...F")
				.append(i + 1)
				.append(" }\n");
		}
		document.append("fragment F40 on IngestRun { id }\n");

		Refusal refusal = post(document.toString());

		assertThat(refusal.code()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(refusal.read("$.errors[0].extensions.limit", String.class)).isEqualTo("incidentintel.api.max-cost");
	}

	@Test
	void theIntrospectionQueryOfGraphiQlAndCodegenPassesEveryLimit() {
		Refusal response = post(IntrospectionQuery.INTROSPECTION_QUERY);

		assertThat(response.read("$.errors", List.class)).isNull();
		assertThat(response.read("$.data.__schema.types[*].name", List.class)).contains("Incident", "Organization");
	}

	@ParameterizedTest
	@ValueSource(strings = { "graphql-js", "apollo-kotlin-probe", "hand-written-roots", "hand-written-type" })
	void theIntrospectionOfToolsAndHandWrittenOnesIsAnswered(String name) throws IOException {
		Refusal response = post(
				new ClassPathResource("introspection/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8));

		assertThat(response.read("$.errors", List.class)).isNull();
		assertThat(response.read("$.data", Map.class)).isNotEmpty();
	}

	@Test
	void theRootFieldsOfQueryAndMutationAreListed() {
		Refusal response = post("{ __schema { queryType { fields { name } } mutationType { fields { name } } } }");

		assertThat(response.read("$.data.__schema.queryType.fields[*].name", List.class)).contains("incidents");
		assertThat(response.read("$.data.__schema.mutationType.fields[*].name", List.class))
			.contains("addOrganizationAlias");
	}

	@Test
	void introspectionThatExplodesIsRefused() {
		for (String document : List.of(
				"{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
				"{ a: __schema { types { name } } b: __schema { types { name } } }",
				"{ __schema { types { " + "f: fields { name } ".repeat(11) + "} } }",
				"{ __schema { types { name " + "ofType { ".repeat(20) + "name" + " }".repeat(20) + " } } }")) {
			Refusal refusal = post(document);

			assertThat(refusal.code()).as(document).isEqualTo("LIMIT_EXCEEDED");
			assertThat(refusal.read("$.data", Object.class)).as(document).isNull();
		}
	}

	@Test
	void anOrdinaryPageIsWithinTheLimits() {
		Refusal response = post("{ ingestRuns(first: 100) { totalCount edges { cursor node { id fileName } } } }");

		assertThat(response.read("$.errors", List.class)).isNull();
		assertThat(response.read("$.data.ingestRuns.totalCount", Integer.class)).isZero();
	}

	// Errors graphql-java raises itself carry a code too
	// -------------------------------------

	@Test
	void anUnknownFieldIsBadUserInput() {
		Refusal refusal = post("{ ingestRuns { totalCount nope } }");

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.read("$.errors[0].extensions.classification", String.class)).isEqualTo("ValidationError");
		assertThat(refusal.message()).contains("'nope'");
		assertThat(refusal.read("$.errors[0].locations[0].line", Integer.class)).isEqualTo(1);
	}

	@Test
	void aSyntaxErrorIsBadUserInput() {
		Refusal refusal = post("{ ingestRuns { totalCount ");

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.read("$.errors[0].extensions.classification", String.class)).isEqualTo("InvalidSyntax");
	}

	@Test
	void aVariableOfTheWrongTypeIsBadUserInput() {
		Refusal refusal = post("query($first: Int) { ingestRuns(first: $first) { totalCount } }",
				Map.of("first", "many"));

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(refusal.message()).contains("first");
	}

	@Test
	void anUnknownOperationNameIsBadUserInput() {
		Refusal refusal = post("query a { ingestRuns { totalCount } } query b { regions { name } }", Map.of(), "c");

		assertThat(refusal.code()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void aFailingQueryLeaksNeitherStackTracesNorSql() {
		this.jdbc.execute("alter table ingest_run rename to ingest_run_away");
		try {
			Refusal refusal = post("{ ingestRuns { totalCount edges { node { id } } } }");

			assertThat(refusal.code()).isEqualTo("INTERNAL");
			assertThat(refusal.message()).isEqualTo("Internal error; it has been logged.");
			assertThat(StatementCounting.STATEMENTS).isNotEmpty();
		}
		finally {
			this.jdbc.execute("alter table ingest_run_away rename to ingest_run");
		}
	}

	private Refusal post(String document) {
		return post(document, Map.of(), null);
	}

	private Refusal post(String document, Map<String, Object> variables) {
		return post(document, variables, null);
	}

	private Refusal post(String document, Map<String, Object> variables, String operationName) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertLeaksNothing(response.body());
			return new Refusal(response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A POST whatever its status, with the body and content type given. */
	private HttpResponse<String> send(HttpRequest.BodyPublisher body, String contentType) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(body)
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertLeaksNothing(response.body());
		return response;
	}

	static void assertLeaksNothing(String body) {
		assertThat(body).doesNotContain("Exception", "at org.", "at java.", "\tat ");
		assertThat(body.toLowerCase(java.util.Locale.ROOT)).doesNotContain("select ", "insert into",
				" from ingest_run");
	}

	/** A response body, read with JSONPath. */
	record Refusal(String body) {

		<T> T read(String path, Class<T> type) {
			try {
				return JsonPath.parse(this.body).read(path, type);
			}
			catch (com.jayway.jsonpath.PathNotFoundException ex) {
				return null;
			}
		}

		String code() {
			return read("$.errors[0].extensions.code", String.class);
		}

		String message() {
			return read("$.errors[0].message", String.class);
		}

		/** A single LIMIT_EXCEEDED error naming its limit, and no SQL run for it. */
		void assertLimit(String property, long maximum, Long actual) {
			assertThat(read("$.errors.length()", Integer.class)).as(this.body).isEqualTo(1);
			assertThat(code()).as(this.body).isEqualTo("LIMIT_EXCEEDED");
			assertThat(read("$.errors[0].extensions.limit", String.class)).isEqualTo("incidentintel.api." + property);
			assertThat(read("$.errors[0].extensions.maximum", Long.class)).isEqualTo(maximum);
			assertThat(read("$.errors[0].extensions.actual", Long.class)).isEqualTo(actual);
			assertThat(read("$.data", Object.class)).isNull();
			assertThat(StatementCounting.STATEMENTS).as("SQL statements run for a refused request").isEmpty();
		}

	}

	/**
	 * The request timeout, with a database made slow on purpose: the answer is a TIMEOUT
	 * error, and the fields the cancellation stopped log no stack trace each.
	 */
	@Nested
	@TestPropertySource(properties = "incidentintel.api.request-timeout=300ms")
	@ExtendWith(OutputCaptureExtension.class)
	class Timeout {

		@Test
		void aRequestOverTheTimeoutIsAnsweredWithTimeout(CapturedOutput output) {
			StatementCounting.delay = Duration.ofMillis(1500);
			try {
				Refusal refusal = post("{ ingestRuns { totalCount edges { node { id } } } }");

				assertThat(refusal.code()).isEqualTo("TIMEOUT");
				assertThat(refusal.message()).startsWith("The request took longer than 300 ms and was stopped");
				assertThat(refusal.read("$.data", Object.class)).isNull();
				assertThat(output).doesNotContain("Unexpected failure");
			}
			finally {
				StatementCounting.delay = Duration.ZERO;
			}
		}

	}

}
