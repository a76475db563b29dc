package org.incidentintel.api.graphiql;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser (Debian's headless Chromium) that cannot resolve any host
 * but localhost: it renders, opens with the cookbook's tabs, the headline question first,
 * and runs it. Waits on the page's elements, never on time. Under CI the browser must be
 * installed (.ci/run installs it); elsewhere the test is skipped without it. Leaves a
 * screenshot in target/graphiql.png.
 */
@H2IntegrationTest
class GraphiQlBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChromium.start(1400, 900);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void graphiQlRendersOfflineWithTheCookbookTabsAndRunsTheHeadlineQuestion() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/graphiql");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));

		List<WebElement> tabs = wait
			.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.className("graphiql-tab-button"), 4));
		assertThat(tabs.get(0).getText()).isEqualTo("Headline");
		assertThat(tabs.stream().map(WebElement::getText)).contains("statisticsByProvinceAndQuarter",
				"reportReconciliation");

		this.browser.findElement(By.className("graphiql-execute-button")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.className("graphiql-response"), "\"dialogues\""));
		assertThat(this.browser.findElement(By.className("graphiql-response")).getText()).doesNotContain("\"errors\"");

		HeadlessChromium.screenshot(this.browser, Path.of("target", "graphiql.png"));
	}

	@Test
	void theExplorerPluginOpensOfflineAndAddsTheFieldsTickedToTheQuery() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/graphiql");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.className("graphiql-tab-button"), 4));

		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label*='GraphiQL Explorer']")))
			.click();
		WebElement field = wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector(".graphiql-explorer-root .graphiql-explorer-ingestRuns > span")));
		assertThat(queryText()).doesNotContain("ingestRuns");

		field.click();

		wait.until((browser) -> queryText().contains("ingestRuns"));
		// every resource the page loaded came from the API (the browser resolves no other
		// host)
		List<String> loaded = this.browser.executeScript(
				"return performance.getEntriesByType('resource').map((entry) => entry.name)") instanceof List<?> names
						? names.stream().map(String::valueOf).toList() : List.of();
		assertThat(loaded).contains(
				"http://localhost:" + this.port + "/graphiql/plugin-explorer/0.1.20/graphiql-plugin-explorer.umd.js");
		assertThat(loaded).allSatisfy((url) -> assertThat(url).startsWith("http://localhost:" + this.port + "/"));
		HeadlessChromium.screenshot(this.browser, Path.of("target", "graphiql-explorer.png"));
	}

	/** The text of the query editor (CodeMirror draws only the lines in view). */
	private String queryText() {
		return String.valueOf(this.browser.executeScript(
				"return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()"));
	}

}
