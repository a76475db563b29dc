package org.incidentintel.api.graphiql;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.LocalHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL works without internet access: its page and every script, style sheet and
 * resource it loads come from the API itself, over real HTTP.
 */
@H2IntegrationTest
class GraphiQlPageIntegrationTests {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	private static final Pattern FETCHED = Pattern.compile("fetch\\('([^']+)'\\)");

	@LocalServerPort
	int port;

	@Test
	void thePageAndEveryAssetItLoadsComeFromTheApi() throws Exception {
		HttpResponse<String> page = get("/graphiql");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

		List<String> assets = all(ASSET, page.body());
		assertThat(assets).contains("/webjars/graphiql/2.4.7/graphiql.min.js",
				"/webjars/react/18.2.0/umd/react.production.min.js", "/graphiql/graphiql.js");
		assertThat(assets).allSatisfy((asset) -> assertThat(asset).startsWith("/").doesNotStartWith("//"));
		for (String asset : assets) {
			HttpResponse<String> response = get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).isNotBlank();
		}
	}

	@Test
	void theTabsTheScriptFetchesAreServed() throws Exception {
		String script = get("/graphiql/graphiql.js").body();
		List<String> fetched = all(FETCHED, script);
		assertThat(fetched).containsExactly("/graphiql/tabs.json");
		assertThat(script).contains("url: '/graphql'");

		HttpResponse<String> tabs = get("/graphiql/tabs.json");
		assertThat(tabs.statusCode()).isEqualTo(200);
		assertThat(tabs.body()).contains("query Headline {");
	}

	@Test
	void theTrailingSlashOpensThePageToo() throws Exception {
		assertThat(get("/graphiql/").body()).contains("/webjars/graphiql/");
	}

	private static List<String> all(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return LocalHttp.get(this.port, path);
	}

}
