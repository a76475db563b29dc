package org.incidentintel.etl.pull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.etl.format.Countries;

/**
 * Pages through the UCDP API's {@code gedevents} resource for one dataset, version and
 * country, keeping each page as it came ({@code page-0001.json}, ...) in the pull's
 * folder. A page is saved only once it came whole, so a pull that stopped (killed, the
 * API down, a token refused) continues after its last saved page when run again: saved
 * pages are never fetched again. At the end the pages are joined into {@code pages.json},
 * the file the ingest loads, and {@code manifest.json} records the URLs, each page's
 * checksum and the pages' checksum.
 */
public class UcdpPuller {

	static final String PAGES_FILE = "pages.json";

	static final String MANIFEST_FILE = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UcdpProperties properties;

	private final HttpClient http;

	private final Sleeper sleeper;

	private final Countries countries;

	public UcdpPuller(UcdpProperties properties, HttpClient http, Sleeper sleeper) {
		this.properties = properties;
		this.http = http;
		this.sleeper = sleeper;
		this.countries = Countries.standard();
	}

	public UcdpProperties properties() {
		return this.properties;
	}

	/** This puller asking another API URL (the command's {@code --api-url}). */
	public UcdpPuller withApiUrl(URI apiUrl) {
		return new UcdpPuller(this.properties.withApiUrl(apiUrl), this.http, this.sleeper);
	}

	/**
	 * Fetches the pages not saved yet and joins them.
	 * @param progress where to say what it does (stderr)
	 * @throws IllegalArgumentException when the country has no Gleditsch-Ward number or
	 * no token is set while pages remain to fetch
	 * @throws UcdpApiException when the API refused or kept failing
	 */
	public PulledPages pull(UcdpPullRequest request, PrintWriter progress) throws IOException, InterruptedException {
		URI first = firstPage(request);
		Path directory = this.properties.directory().resolve(request.directoryName());
		Files.createDirectories(directory);
		List<SavedPage> pages = savedPages(directory, first, progress);
		if (!pages.isEmpty()) {
			progress.printf("%s: %d page(s) saved by an earlier run, not fetched again%n", directory, pages.size());
		}
		int fetched = 0;
		URI next = pages.isEmpty() ? first : pages.get(pages.size() - 1).next();
		UcdpApiClient client = null;
		while (next != null) {
			int totalPages = pages.isEmpty() ? -1 : pages.get(0).page().totalPages();
			// a NextPageUrl past TotalPages would page for ever
			if (totalPages > 0 && pages.size() >= totalPages) {
				throw new UcdpApiException("the API gave a NextPageUrl (" + next + ") after page " + pages.size()
						+ " of TotalPages " + totalPages);
			}
			if (client == null) {
				client = client(progress);
			}
			UcdpApiClient.Fetched page = client.fetch(next);
			Path file = directory.resolve(pageFileName(pages.size() + 1));
			saveAtomically(file, page.body().getBytes(StandardCharsets.UTF_8));
			fetched++;
			SavedPage saved = new SavedPage(file, next, page.page(), nextUrl(page.page(), next));
			pages.add(saved);
			progress.printf("page %d of %d: %d events%n", pages.size(), Math.max(saved.page().totalPages(), 1),
					saved.page().events());
			next = saved.next();
		}
		return join(directory, request, first, pages, fetched, progress);
	}

	/**
	 * The query's first page:
	 * {@code <api>/gedevents/<version>?pagesize=..&page=0&Country=..}.
	 */
	URI firstPage(UcdpPullRequest request) {
		List<Integer> numbers = this.countries.gleditschWardNumbers(request.country());
		if (numbers.isEmpty()) {
			throw new IllegalArgumentException("no Gleditsch-Ward number is known for " + request.country()
					+ " (the UCDP API filters countries by them); add it to countries/aliases.yaml");
		}
		String base = this.properties.apiUrl().toString().replaceAll("/+$", "");
		StringBuilder query = new StringBuilder("?pagesize=").append(this.properties.pageSize())
			.append("&page=0&Country=")
			.append(numbers.stream().map(String::valueOf).collect(Collectors.joining(",")));
		if (request.since() != null) {
			query.append("&StartDate=").append(request.since());
		}
		return URI.create(base + "/gedevents/" + request.version() + query);
	}

	private UcdpApiClient client(PrintWriter progress) {
		String token = this.properties.token();
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("no UCDP API access token: set " + UcdpProperties.TOKEN_VARIABLE
					+ " (the API requires one since 2025; request it from UCDP, see docs/sources.md)");
		}
		return new UcdpApiClient(this.http, token.strip(), this.properties.retryPolicy(),
				this.properties.requestTimeout(), this.sleeper, progress);
	}

	/**
	 * The pages an earlier run saved, in order. A page that does not read as a whole page
	 * (it cannot be, as pages are saved whole, unless edited) is removed with the ones
	 * after it, and fetched again.
	 */
	private List<SavedPage> savedPages(Path directory, URI first, PrintWriter progress) throws IOException {
		List<SavedPage> pages = new ArrayList<>();
		URI url = first;
		for (int number = 1; url != null; number++) {
			Path file = directory.resolve(pageFileName(number));
			if (!Files.isRegularFile(file)) {
				break;
			}
			try {
				UcdpPage page = UcdpPage.parse(Files.readString(file, StandardCharsets.UTF_8), file.toUri());
				SavedPage saved = new SavedPage(file, url, page, nextUrl(page, url));
				pages.add(saved);
				url = saved.next();
			}
			catch (UcdpPage.TruncatedPage | UcdpApiException ex) {
				progress.printf("%s is not a whole page (%s): fetching it again%n", file, ex.getMessage());
				for (int later = number; Files.exists(directory.resolve(pageFileName(later))); later++) {
					Files.delete(directory.resolve(pageFileName(later)));
				}
				break;
			}
		}
		return pages;
	}

	/**
	 * The next page's URL, checked to be on the API's own host: the token goes with every
	 * request.
	 */
	private URI nextUrl(UcdpPage page, URI current) {
		if (page.nextPageUrl() == null) {
			return null;
		}
		URI next = current.resolve(page.nextPageUrl());
		URI api = this.properties.apiUrl();
		if (!origin(next).equals(origin(api))) {
			throw new UcdpApiException("the page from " + current + " names a NextPageUrl on another host (" + next
					+ "); the access token is sent only to " + origin(api));
		}
		return next;
	}

	private static String origin(URI uri) {
		int port = uri.getPort();
		if (port < 0) {
			port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		}
		return String.valueOf(uri.getScheme()).toLowerCase() + "://" + String.valueOf(uri.getHost()).toLowerCase() + ":"
				+ port;
	}

	private PulledPages join(Path directory, UcdpPullRequest request, URI first, List<SavedPage> pages, int fetched,
			PrintWriter progress) throws IOException {
		Path pagesFile = directory.resolve(PAGES_FILE);
		Path partial = directory.resolve(PAGES_FILE + ".part");
		MessageDigest digest = sha256();
		List<Map<String, Object>> listed = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		long events = 0;
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
			for (SavedPage page : pages) {
				byte[] bytes = Files.readAllBytes(page.file());
				out.write(bytes);
				out.write('\n');
				events += page.page().events();
				ids.addAll(page.page().ids());
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("file", page.file().getFileName().toString());
				entry.put("url", page.url().toString());
				entry.put("events", page.page().events());
				entry.put("sha256", HexFormat.of().formatHex(sha256().digest(bytes)));
				listed.add(entry);
			}
		}
		Files.move(partial, pagesFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		String checksum = HexFormat.of().formatHex(digest.digest());
		long totalCount = pages.isEmpty() ? 0 : pages.get(0).page().totalCount();
		if (totalCount >= 0 && totalCount != events) {
			progress.printf("warning: the pages hold %,d events; the API's TotalCount said %,d%n", events, totalCount);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("api", first.toString());
		manifest.put("dataset", request.dataset().format());
		manifest.put("version", request.version());
		manifest.put("country", request.country());
		manifest.put("since", (request.since() != null) ? request.since().toString() : null);
		manifest.put("pages", listed);
		manifest.put("events", events);
		manifest.put("totalCount", totalCount);
		manifest.put("pagesFile", PAGES_FILE);
		manifest.put("pagesSha256", checksum);
		saveAtomically(directory.resolve(MANIFEST_FILE),
				JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		return new PulledPages(directory, pagesFile, first.toString(), pages.size(), fetched, events, totalCount,
				checksum, ids);
	}

	static String pageFileName(int number) {
		return String.format("page-%04d.json", number);
	}

	private static void saveAtomically(Path file, byte[] bytes) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		Files.write(partial, bytes);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record SavedPage(Path file, URI url, UcdpPage page, URI next) {
	}

}
