package org.incidentintel.api.graphiql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			assertThat("true".equals(System.getenv("CI")))
				.as("chromium and chromium-driver are missing: .ci/run installs them (apt-get install chromium "
						+ "chromium-driver)")
				.isFalse();
			Assumptions.abort("chromium and chromium-driver are not installed");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=1400,900",
					// Offline: any host but localhost fails to resolve
					"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
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

		Path screenshot = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, Path.of("target", "graphiql.png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
