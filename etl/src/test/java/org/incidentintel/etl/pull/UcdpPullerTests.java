package org.incidentintel.etl.pull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.incidentintel.etl.pull.FakeUcdpApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.incidentintel.etl.pull.UcdpPages.event;
import static org.incidentintel.etl.pull.UcdpPages.events;
import static org.incidentintel.etl.pull.UcdpPages.page;
import static org.incidentintel.etl.pull.UcdpPages.pathAndQuery;

/**
 * The puller against an in-process fake of the UCDP API: paging, the token header,
 * retries (the waits recorded, not slept), saved pages and restarts. Nothing reaches the
 * internet.
 */
class UcdpPullerTests {

	private static final String TOKEN = "test-token-0123";

	private static final int PAGE_SIZE = 2;

	private final FakeUcdpApi api = new FakeUcdpApi();

	private final List<Duration> waits = new ArrayList<>();

	private final StringWriter progress = new StringWriter();

	@TempDir
	Path directory;

	@AfterEach
	void stopApi() {
		this.api.close();
	}

	@Test
	void pagesThroughNextPageUrlWithTheTokenAndKeepsEachPageAndTheirChecksum() throws Exception {
		String extra = "&StartDate=2024-01-01";
		script("24.0.3", extra, 3);

		PulledPages pulled = puller(TOKEN).pull(request("24.0.3", LocalDate.of(2024, 1, 1)), progress());

		assertThat(this.api.requests()).extracting(FakeUcdpApi.Request::pathAndQuery)
			.containsExactly(pathAndQuery("24.0.3", PAGE_SIZE, 0, extra), pathAndQuery("24.0.3", PAGE_SIZE, 1, extra),
					pathAndQuery("24.0.3", PAGE_SIZE, 2, extra));
		assertThat(this.api.requests()).extracting(FakeUcdpApi.Request::token).containsOnly(TOKEN);
		assertThat(pulled.pages()).isEqualTo(3);
		assertThat(pulled.fetched()).isEqualTo(3);
		assertThat(pulled.events()).isEqualTo(5);
		assertThat(pulled.totalCount()).isEqualTo(5);
		Path folder = this.directory.resolve("candidate-24.0.3-PAK-since-2024-01-01");
		assertThat(pulled.directory()).isEqualTo(folder);
		assertThat(folder.resolve("page-0001.json")).exists();
		assertThat(folder.resolve("page-0003.json")).exists();
		// the file the ingest loads: the pages as they came, one after another
		String joined = Files.readString(folder.resolve("page-0001.json")) + "\n"
				+ Files.readString(folder.resolve("page-0002.json")) + "\n"
				+ Files.readString(folder.resolve("page-0003.json")) + "\n";
		assertThat(Files.readString(pulled.pagesFile())).isEqualTo(joined);
		assertThat(pulled.sha256()).isEqualTo(sha256(joined));
		JsonNode manifest = JsonMapper.builder().build().readTree(folder.resolve("manifest.json").toFile());
		assertThat(manifest.path("api").asString())
			.isEqualTo(this.api.apiUrl().resolve(pathAndQuery("24.0.3", PAGE_SIZE, 0, extra)).toString());
		assertThat(manifest.path("dataset").asString()).isEqualTo("ucdp-candidate");
		assertThat(manifest.path("version").asString()).isEqualTo("24.0.3");
		assertThat(manifest.path("pagesSha256").asString()).isEqualTo(pulled.sha256());
		assertThat(manifest.path("pages").get(1).path("sha256").asString())
			.isEqualTo(sha256(Files.readString(folder.resolve("page-0002.json"))));
	}

	@Test
	void asksAgainAfterA429AsRetryAfterSaysAfterA500AndATruncatedPageWithBackoff() throws Exception {
		String first = scriptedPage("24.1", "", 0, 2);
		String second = scriptedPage("24.1", "", 1, 2);
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""), Answer.ok(first))
			.answer(pathAndQuery("24.1", PAGE_SIZE, 1, ""), Answer.tooManyRequests("7"), Answer.status(500),
					Answer.truncated(second), Answer.ok(second));

		PulledPages pulled = puller(TOKEN).pull(request("24.1", null), progress());

		assertThat(pulled.pages()).isEqualTo(2);
		assertThat(this.api.requests()).hasSize(5);
		// Retry-After first; then the backoff doubling from 1 s (the 2nd and 3rd failure)
		assertThat(this.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(Files.readString(pulled.directory().resolve("page-0002.json"))).isEqualTo(second);
		assertThat(this.progress.toString()).contains("HTTP 429 from", "HTTP 500 from", "is not whole JSON",
				"asking again in 7 s (attempt 2 of 5)");
	}

	@Test
	void aPullThatGaveUpContinuesAfterItsLastSavedPageWhenRunAgain() throws Exception {
		String first = scriptedPage("24.1", "", 0, 3);
		String second = scriptedPage("24.1", "", 1, 3);
		String third = scriptedPage("24.1", "", 2, 3);
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""), Answer.ok(first))
			.answer(pathAndQuery("24.1", PAGE_SIZE, 1, ""), Answer.status(503), Answer.status(503), Answer.status(503),
					Answer.status(503), Answer.status(503), Answer.ok(second))
			.answer(pathAndQuery("24.1", PAGE_SIZE, 2, ""), Answer.ok(third));

		assertThatExceptionOfType(UcdpApiException.class)
			.isThrownBy(() -> puller(TOKEN).pull(request("24.1", null), progress()))
			.withMessageContaining("HTTP 503 from " + this.api.apiUrl().resolve(pathAndQuery("24.1", PAGE_SIZE, 1, "")))
			.withMessageContaining("gave up after 5 attempts")
			.withMessageContaining("the pages saved so far are kept");
		Path folder = this.directory.resolve("ged-24.1-PAK");
		assertThat(folder.resolve("page-0001.json")).exists();
		assertThat(folder.resolve("page-0002.json")).doesNotExist();
		assertThat(folder.resolve("pages.json")).doesNotExist();
		int before = this.api.requests().size();

		PulledPages pulled = puller(TOKEN).pull(request("24.1", null), progress());

		// page 1 was not fetched again
		assertThat(this.api.requests().subList(before, this.api.requests().size()))
			.extracting(FakeUcdpApi.Request::pathAndQuery)
			.containsExactly(pathAndQuery("24.1", PAGE_SIZE, 1, ""), pathAndQuery("24.1", PAGE_SIZE, 2, ""));
		assertThat(pulled.pages()).isEqualTo(3);
		assertThat(pulled.fetched()).isEqualTo(2);
		assertThat(pulled.reused()).isEqualTo(1);
		assertThat(Files.readString(pulled.pagesFile())).isEqualTo(first + "\n" + second + "\n" + third + "\n");

		// a complete pull run again fetches nothing, and needs no token
		int after = this.api.requests().size();
		PulledPages again = puller(null).pull(request("24.1", null), progress());
		assertThat(this.api.requests()).hasSize(after);
		assertThat(again.sha256()).isEqualTo(pulled.sha256());
	}

	@Test
	void aRefusedTokenEndsThePullAtOnceAsAConfigurationError() {
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""),
				new Answer(401, "{\"message\":\"Invalid token\"}", null));

		assertThatIllegalArgumentException().isThrownBy(() -> puller("wrong").pull(request("24.1", null), progress()))
			.withMessageContaining("the UCDP API refused the access token (HTTP 401")
			.withMessageContaining("UCDP_API_TOKEN")
			.withMessageContaining("Invalid token");
		assertThat(this.api.requests()).hasSize(1);
		assertThat(this.waits).isEmpty();
	}

	@Test
	void withoutATokenNothingIsAsked() {
		assertThatIllegalArgumentException().isThrownBy(() -> puller(" ").pull(request("24.1", null), progress()))
			.withMessageContaining("no UCDP API access token: set UCDP_API_TOKEN");
		assertThat(this.api.requests()).isEmpty();
	}

	@Test
	void theTokenIsNeverSentToAnotherHost() {
		String page = scriptedPage("24.1", "", 0, 2).replace("http://127.0.0.1:", "http://elsewhere.example:");
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""), Answer.ok(page));

		assertThatExceptionOfType(UcdpApiException.class)
			.isThrownBy(() -> puller(TOKEN).pull(request("24.1", null), progress()))
			.withMessageContaining("names a NextPageUrl on another host (http://elsewhere.example:");
		assertThat(this.api.requests()).hasSize(1);
	}

	@Test
	void anAnswerThatIsNotAPageEndsThePull() {
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""), Answer.ok("{\"message\":\"Unknown version\"}"));

		assertThatExceptionOfType(UcdpApiException.class)
			.isThrownBy(() -> puller(TOKEN).pull(request("24.1", null), progress()))
			.withMessageContaining("is not a UCDP API page (an object with a Result array)")
			.withMessageContaining("Unknown version");
	}

	@Test
	void aCountryWithoutAGleditschWardNumberIsRefusedBeforeAsking() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> puller(TOKEN).pull(new UcdpPullRequest(UcdpDataset.GED, "24.1", "ATA", null), progress()))
			.withMessageContaining("no Gleditsch-Ward number is known for ATA");
		assertThat(this.api.requests()).isEmpty();
	}

	/** Scripts a query of {@code pages} pages holding 5 events in all (2, 2, 1). */
	private void script(String version, String extra, int pages) {
		for (int page = 0; page < pages; page++) {
			this.api.answer(pathAndQuery(version, PAGE_SIZE, page, extra),
					Answer.ok(scriptedPage(version, extra, page, pages)));
		}
	}

	private String scriptedPage(String version, String extra, int page, int pages) {
		List<java.util.Map<String, Object>> events = (page < 2)
				? events(event(1000 + page * 2, "2024-01-1" + page, 3), event(1001 + page * 2, "2024-02-1" + page, 1))
				: events(event(1000 + page * 2, "2024-03-01", 5));
		return page(this.api.apiUrl(), version, PAGE_SIZE, page, pages, 5, extra, events);
	}

	private UcdpPuller puller(String token) {
		UcdpProperties properties = new UcdpProperties(this.api.apiUrl(), token, this.directory, PAGE_SIZE, 5,
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(10));
		return new UcdpPuller(properties, HttpClient.newHttpClient(), this.waits::add);
	}

	private static UcdpPullRequest request(String version, LocalDate since) {
		return new UcdpPullRequest(version.split("\\.").length > 2 ? UcdpDataset.CANDIDATE : UcdpDataset.GED, version,
				"PAK", since);
	}

	private PrintWriter progress() {
		return new PrintWriter(this.progress, true);
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
