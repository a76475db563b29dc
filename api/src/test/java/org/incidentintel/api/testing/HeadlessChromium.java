package org.incidentintel.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by its chromedriver, for the browser tests: it cannot
 * resolve any host but localhost, so a page that loads anything from the internet shows
 * it. Under CI the browser must be installed (.ci/run installs it) and its absence fails
 * the test; elsewhere the test is skipped without it.
 */
public final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/**
	 * Starts a browser, or fails (under CI) or aborts the test when none is installed.
	 * @param width the window's width in pixels
	 * @param height the window's height in pixels
	 * @return the browser, to quit after the test
	 */
	public static ChromeDriver start(int width, int height) {
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
					"--window-size=" + width + "," + height,
					// Offline: any host but localhost fails to resolve
					"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Saves what the browser's window shows.
	 * @param browser the browser
	 * @param file where, e.g. {@code target/graphiql.png}
	 * @throws IOException if the file cannot be written
	 */
	public static void screenshot(ChromeDriver browser, Path file) throws IOException {
		Path taken = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
	}

}
