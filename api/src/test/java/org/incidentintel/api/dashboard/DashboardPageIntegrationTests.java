package org.incidentintel.api.dashboard;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.LocalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard works without internet access: its page, every module it imports (and
 * those import) and its style sheet come from the API itself, anonymously, over real
 * HTTP.
 */
@H2IntegrationTest
class DashboardPageIntegrationTests {

	private static final Pattern PAGE_ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	private static final Pattern IMPORTED = Pattern.compile("^import [^;]*? from '([^']+)';", Pattern.MULTILINE);

	@LocalServerPort
	int port;

	@Test
	void thePageAndEveryAssetAndModuleItLoadsComeFromTheApi() throws Exception {
		HttpResponse<String> page = get("/dashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

		Set<String> loaded = new LinkedHashSet<>();
		Deque<String> toLoad = new ArrayDeque<>(PAGE_ASSET.matcher(page.body())
			.results()
			.map((match) -> match.group(1))
			.filter((asset) -> !asset.equals("/graphiql"))
			.toList());
		while (!toLoad.isEmpty()) {
			String asset = toLoad.pop();
			if (!loaded.add(asset)) {
				continue;
			}
			assertThat(asset).startsWith("/").doesNotStartWith("//");
			HttpResponse<String> response = get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).isNotBlank();
			if (asset.startsWith("/dashboard/") && asset.endsWith(".js")) {
				IMPORTED.matcher(response.body())
					.results()
					.map((match) -> URI.create(asset).resolve(match.group(1)).toString())
					.forEach(toLoad::add);
			}
		}
		assertThat(loaded).contains("/dashboard/main.js", "/dashboard/documents.js", "/dashboard/dashboard.css",
				"/webjars/echarts/5.3.1/dist/echarts.esm.min.js");
	}

	@Test
	void theTrailingSlashOpensThePageToo() throws Exception {
		assertThat(get("/dashboard/").body()).contains("/dashboard/main.js");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

}
