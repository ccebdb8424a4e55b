package io.jxengine.server.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by {@code
 * scripts/ui-deps.sh}), with a fresh profile and nothing that talks to the network on its own.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Held so the level sticks: java.util.logging keeps only weak references to loggers. */
  private static final java.util.logging.Logger SELENIUM_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    // Selenium warns that it has no DevTools bindings for this Chromium; the tests use none
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  private Browser() {}

  static ChromeDriver start(Path profileDir) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": run scripts/ui-deps.sh");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(profileDir).toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /**
   * The text of the first element matching {@code css}, read in one script call (null when there
   * is none): the pages redraw parts of themselves every second, so a WebElement found first and
   * read later can be stale.
   */
  static String text(org.openqa.selenium.JavascriptExecutor browser, String css) {
    return (String) browser.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
  }

  /** An attribute of the first element matching {@code css}, read in one script call. */
  static String attribute(org.openqa.selenium.JavascriptExecutor browser, String css, String name) {
    return (String) browser.executeScript(
        "const e = document.querySelector(arguments[0]);"
            + " return e ? e.getAttribute(arguments[1]) : null;", css, name);
  }
}
