package io.jxengine.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.engine.RunContext;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.api.TestServer;
import io.jxengine.server.repos.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The web UI in real headless Chromium against the test server with real runs. */
class UiE2E {
  private static final String XSS_BRANCH = "<img src=x onerror=alert(1)>";
  private static final String XSS_TITLE = "<script>alert(2)</script> & \"quotes\"";

  @TempDir static Path dir;
  static TestServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir.resolve("server"));
    server.repositories().save(new Repository(0, ProviderKind.GITHUB, "acme", "widget",
        "https://github.com/acme/widget.git", null, null, null, "main", List.of(), null, null,
        null));
    browser = Browser.start(dir.resolve("chromium-profile"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void forgetToken() {
    browser.get(server.baseUrl() + "/repositories");
    browser.executeScript("localStorage.clear()");
  }

  @Test
  void activitiesListShowsARunAndRefreshesByItself() {
    browser.get(server.baseUrl() + "/");
    waitFor(By.cssSelector("#activities"));
    long id = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("main"));
    server.awaitEnd(id);
    // no reload: the list refreshes itself
    waitFor(By.cssSelector("tr[data-activity-id='" + id + "']"));
    slow().until(() -> browser.findElement(By.cssSelector(
        "tr[data-activity-id='" + id + "'] .status")).getText().equals("Succeeded"));
    String css = "tr[data-activity-id='" + id + "']";
    // The list redraws itself every second: read and click through fresh lookups, retried.
    slow().until(() -> "main".equals(Browser.text(browser, css + " .branch")));
    slow().until(() -> {
      browser.findElement(By.cssSelector(css + " a.run-link")).click();
      return browser.getCurrentUrl().endsWith("/runs/" + id);
    });
    slow().until(() -> text("#run-status").equals("Succeeded"));
  }

  @Test
  void listFiltersByBranchAndStatus() {
    long main = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("main"));
    long other = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("other-branch"));
    server.awaitEnd(main);
    server.awaitEnd(other);
    browser.get(server.baseUrl() + "/?repo=acme/widget&branch=other-branch&status=Succeeded");
    waitFor(By.cssSelector("tr[data-activity-id='" + other + "']"));
    assertThat(browser.findElements(By.cssSelector("tr[data-activity-id='" + main + "']"))).isEmpty();
    assertThat(browser.findElement(By.id("filter-branch")).getAttribute("value"))
        .isEqualTo("other-branch");
    slow().until(() -> "acme/widget".equals(
        browser.findElement(By.id("filter-repo")).getAttribute("value")));
  }

  @Test
  void userStringsRenderAsText() {
    RunContext push = TestServer.push(XSS_BRANCH);
    RunContext pr = new RunContext(push.owner(), push.repo(), push.branch(), null,
        "pull_request", push.gitUrl(), push.commitSha(), XSS_TITLE, "mallory", 7, XSS_TITLE,
        "main", push.commitSha(), null, "presubmit", null);
    long id = server.startRun("""
        stages:
          - name: build
            steps:
              - name: shout
                run: echo '<b>bold</b><img src=y onerror=alert(3)>'
        """, pr);
    server.awaitEnd(id);

    browser.get(server.baseUrl() + "/");
    String css = "tr[data-activity-id='" + id + "']";
    waitFor(By.cssSelector(css));
    slow().untilAsserted(() -> assertThat(Browser.text(browser, css + " .branch"))
        .startsWith(XSS_BRANCH).contains(XSS_TITLE));
    assertThat(((Number) browser.executeScript(
        "return document.querySelectorAll(arguments[0]).length", css + " img, " + css + " script"))
        .intValue()).isZero();
    assertNoAlert();

    browser.get(server.baseUrl() + "/runs/" + id);
    slow().until(() -> text("#run-title").contains(XSS_BRANCH));
    WebElement line = waitFor(By.cssSelector(".log .line"));
    // a finished step's log is folded: read the text, not what is visible
    assertThat(line.getAttribute("textContent")).isEqualTo("<b>bold</b><img src=y onerror=alert(3)>");
    assertThat(browser.findElements(By.cssSelector("main img, main b, main script"))).isEmpty();
    assertThat(text("#run-facts")).contains(XSS_TITLE);
    assertNoAlert();
  }

  @Test
  void runPageShowsRecordedTestResults() {
    long id = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("tests"));
    server.awaitEnd(id);
    server.store().recordTests(id, List.of(new io.jxengine.testreport.StepTestReport("build", "junit",
        new io.jxengine.testreport.TestReport(new io.jxengine.testreport.TestTotals(1, 42, 1, 1, 2, 1500),
            List.of(new io.jxengine.testreport.FailedCase("com.acme.CartTest", "appliesDiscount", "failure",
                    "expected <90> but was <100>", "at com.acme.CartTest.appliesDiscount(CartTest.java:14)"),
                new io.jxengine.testreport.FailedCase("com.acme.CartTest", "<img src=z onerror=alert(4)>", "error",
                    "boom", "")), 0))));
    browser.get(server.baseUrl() + "/runs/" + id);
    slow().until(() -> browser.findElement(By.id("tests-section")).isDisplayed());
    slow().until(() -> text("#tests-totals").contains("42"));
    assertThat(text("#tests-totals")).contains("tests", "38", "passed", "2", "failed", "skipped");
    List<WebElement> cases = browser.findElements(By.cssSelector("#tests-failed .test-case"));
    assertThat(cases).hasSize(2);
    assertThat(cases.get(0).getText()).contains("com.acme.CartTest", "appliesDiscount", "expected <90> but was <100>");
    assertThat(cases.get(1).getText()).contains("<img src=z onerror=alert(4)>");
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("#tests-failed .test-trace")).getAttribute("textContent"))
        .contains("CartTest.java:14");
    assertNoAlert();
  }

  @Test
  void runPageShowsStagesAndStreamsLogLinesWhileTheRunIsRunning() throws Exception {
    long id = server.startRun(TestServer.SLOW_PIPELINE, TestServer.push("live"));
    browser.get(server.baseUrl() + "/runs/" + id);

    slow().until(() -> stageNames().equals(List.of("build", "test", "publish")));
    slow().until(() -> logText().contains("compiling part 3"));
    // the line is on the page while the store still says the run is going
    assertThat(server.store().get(id).orElseThrow().status()).isEqualTo(Status.Running);
    slow().until(() -> "Running".equals(
        Browser.attribute(browser, ".stage[data-stage='build']", "data-status")));
    assertThat(browser.findElement(By.id("stop-button")).isEnabled()).isTrue();

    // more lines arrive without a reload
    slow().until(() -> logText().contains("compiling part 8"));
    screenshot("ui-run-page-running.png");

    Activity ended = server.awaitEnd(id);
    assertThat(ended.status()).isEqualTo(Status.Succeeded);
    slow().until(() -> text("#run-status").equals("Succeeded"));
    slow().until(() -> logText().contains("uploaded"));
    for (String stage : List.of("build", "test", "publish")) {
      slow().until(() -> "Succeeded".equals(
          Browser.attribute(browser, ".stage[data-stage='" + stage + "']", "data-status")));
    }
    assertThat(((Number) browser.executeScript(
        "return [...document.querySelectorAll('.log .line')]"
            + ".filter(l => l.textContent.startsWith('compiling part')).length")).intValue())
        .isEqualTo(30);
    assertThat(browser.findElement(By.id("stop-button")).isEnabled()).isFalse();
    screenshot("ui-run-page.png");
  }

  @Test
  void stopButtonAsksForTheTokenAndAbortsTheRun() {
    long id = server.startRun(TestServer.SLOW_PIPELINE, TestServer.push("stop-me"));
    browser.get(server.baseUrl() + "/runs/" + id);
    slow().until(() -> logText().contains("compiling part 1"));

    browser.findElement(By.id("stop-button")).click();
    enterToken("not-the-token");
    slow().until(() -> browser.findElement(By.id("token-refused")).isDisplayed());
    enterToken(TestServer.TOKEN);

    slow().until(() -> text("#run-status").equals("Aborted"));
    assertThat(server.store().get(id).orElseThrow().status()).isEqualTo(Status.Aborted);
    assertThat(browser.executeScript("return localStorage.getItem('jxe.apiToken')"))
        .isEqualTo(TestServer.TOKEN);
  }

  @Test
  void rerunButtonOpensTheNewRun() {
    long id = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("again"));
    Activity first = server.awaitEnd(id);
    browser.get(server.baseUrl() + "/runs/" + id);
    browser.executeScript("localStorage.setItem('jxe.apiToken', arguments[0])", TestServer.TOKEN);
    slow().until(() -> text("#run-status").equals("Succeeded"));

    browser.findElement(By.id("rerun-button")).click();
    slow().until(() -> !browser.getCurrentUrl().endsWith("/runs/" + id));
    long newId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/", ""));
    Activity rerun = server.awaitEnd(newId);
    assertThat(rerun.pipeline()).isEqualTo(first.pipeline());
    assertThat(rerun.build()).isEqualTo(first.build() + 1);
    slow().until(() -> text("#run-title").equals(rerun.displayName()));
  }

  @Test
  void approveButtonLetsAWaitingRunGoOn() {
    long id = server.startRun("""
        stages:
          - name: deploy
            steps:
              - name: go-live
                approval: {message: Ship it now, ok: Ship, submitters: [alice]}
              - run: echo shipped
        """, TestServer.push("gated"));
    browser.get(server.baseUrl() + "/runs/" + id);
    browser.executeScript(
        "localStorage.setItem('jxe.apiToken', arguments[0])", TestServer.ALICE_TOKEN);
    slow().until(() -> text("#run-status").equals("WaitingForApproval"));
    WebElement approve = waitFor(By.cssSelector("#approvals .approve-button"));
    assertThat(text("#approvals .approval-message")).isEqualTo("Ship it now");
    assertThat(approve.getText()).isEqualTo("Ship");
    assertThat(browser.findElement(By.cssSelector("#approvals .reject-button")).isDisplayed()).isTrue();
    approve.click();
    assertThat(server.awaitEnd(id).status()).isEqualTo(Status.Succeeded);
    slow().until(() -> text("#run-status").equals("Succeeded"));
    assertThat(browser.findElement(By.id("approvals")).isDisplayed()).isFalse();
  }

  @Test
  void repositoriesPageListsRegisteredRepositories() {
    browser.get(server.baseUrl() + "/repositories");
    WebElement link = waitFor(By.cssSelector("#repositories tbody a"));
    assertThat(link.getText()).isEqualTo("acme/widget");
    assertThat(link.getAttribute("href")).endsWith("/?repo=acme%2Fwidget");
  }

  @Test
  void aPreviewStepLinksThePreviewAndItsPullRequestAndNothingElse() {
    long id = server.startRun("""
        stages:
          - name: preview
            steps:
              - name: preview
                env:
                  JXE_STEP_KIND: Preview
                run: |
                  m="preview jx-acme-widget-pr-7 at http://widget-pr-7.preview.test"
                  m="$m for https://github.com/acme/widget/pull/7 javascript:alert(1)"
                  echo "JXE_STEP_MESSAGE=$m" >> "$JXE_ENV"
              - name: plain
                run: echo "JXE_STEP_MESSAGE=see http://not-a-link.test" >> "$JXE_ENV"
        """, TestServer.push("preview-links"));
    server.awaitEnd(id);
    browser.get(server.baseUrl() + "/runs/" + id);

    slow().until(() -> browser.findElements(By.cssSelector(".step-message a")).size() == 2);
    List<String> hrefs = browser.findElements(By.cssSelector(".step-message a")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertThat(hrefs).containsExactly("http://widget-pr-7.preview.test/",
        "https://github.com/acme/widget/pull/7");
    assertThat(logText()).contains("javascript:alert(1)", "see http://not-a-link.test");
    assertNoAlert();
  }

  @Test
  void unknownRunSaysSo() {
    browser.get(server.baseUrl() + "/runs/987654");
    slow().until(() -> text("#run-title").equals("Run not found"));
  }

  private void enterToken(String token) {
    slow().until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
    WebElement input = browser.findElement(By.id("token-input"));
    input.clear();
    input.sendKeys(token);
    browser.findElement(By.id("token-save")).click();
  }

  private static void assertNoAlert() {
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  private static List<String> stageNames() {
    // One script call: the graph is redrawn every second, so element handles go stale.
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) browser.executeScript(
        "return [...document.querySelectorAll('#graph .stage')].map(e => e.getAttribute('data-stage'))");
    return names;
  }

  private static String logText() {
    return browser.findElement(By.id("steps")).getAttribute("textContent");
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static WebElement waitFor(By by) {
    return slow().until(() -> browser.findElements(by).stream().findFirst().orElse(null),
        e -> e != null);
  }

  private static ConditionFactory slow() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .ignoreExceptions();
  }

  private static void screenshot(String name) throws Exception {
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target"));
    Files.copy(file, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
  }
}
