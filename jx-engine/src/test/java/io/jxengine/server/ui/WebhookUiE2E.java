package io.jxengine.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.server.GitFixture;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.repos.Repository;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser story on the whole server: a signed GitHub push webhook for real commits of
 * a local bare repository is planned by the real trigger planner, queued and run by the local
 * backend; in headless Chromium the run appears on the activities page without a reload, its log
 * lines arrive while it runs, and Stop (with the token from {@code $JXE_HOME/api-tokens}) aborts
 * it, kills the step's processes and reports the commit statuses to the provider.
 */
class WebhookUiE2E {
  static final Path EXAMPLES =
      Path.of("../test-fixtures/node_modules/@octokit/webhooks-examples/api.github.com/index.json");
  static final String SECRET = "e2e webhook secret";
  static final String LINES = "50";
  /** A numbered line every 300 ms for about 15 s; a background child shares the step's group. */
  static final String PIPELINE = """
      triggers:
        push:
          branches: [main]
      stages:
        - name: build
          steps:
            - name: count
              run: |
                sleep 600 >/dev/null 2>&1 &
                echo "background child pid $!"
                echo "step shell pid $$"
                for i in $(seq 1 %s); do echo "line $i of %s"; sleep 0.3; done
      """.formatted(LINES, LINES);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  WebhookServer server;
  ChromeDriver browser;
  Repository repo;
  String before;
  String after;

  @BeforeEach
  void start() throws Exception {
    GitFixture git = new GitFixture(tmp);
    Path bare = git.bare("widget");
    Path work = git.clone(bare, "work");
    before = git.commit(work, Map.of("README.md", "a widget\n"), "first");
    after = git.commit(work, Map.of(".jx/pipeline.yaml", PIPELINE, "src/Widget.java",
        "class Widget {}\n"), "count slowly");
    git.ok(work, "push", "-q", "origin", "main");

    server = WebhookServer.start(tmp.resolve("jxe-home"));
    repo = server.repositories.save(new Repository(0, ProviderKind.GITHUB, "acme", "widget",
        bare.toString(), "https://api.github.com", null, SECRET, "main", List.of(), null, null,
        null));
    browser = Browser.start(tmp.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRunStartedByAWebhookAppearsStreamsItsLogAndStops() throws Exception {
    browser.get(server.url() + "/");
    waitFor(By.cssSelector("#activities"));
    // a reload would drop this mark: the row must come from the page refreshing itself
    browser.executeScript("window.e2eMark = 'no reload'");

    HttpResponse<String> answer = server.postGitHub("push", "e2e-delivery-1", pushPayload(), SECRET);
    assertThat(answer.statusCode()).isEqualTo(202);

    Activity run = slow().until(() -> server.activities.list(ActivityFilter.all()),
        list -> list.size() == 1).get(0);
    long id = run.id();
    assertThat(run.commitSha()).isEqualTo(after);
    assertThat(run.branch()).isEqualTo("main");
    assertThat(run.event()).isEqualTo("push");
    String css = "tr[data-activity-id='" + id + "']";
    waitFor(By.cssSelector(css));
    // The list redraws itself every second: read and click through fresh lookups, retried.
    slow().until(() -> "main".equals(Browser.text(browser, css + " .branch")));
    slow().untilAsserted(() -> assertThat(Browser.text(browser, css))
        .contains("acme/widget").contains("push").contains(after.substring(0, 7)));
    assertThat(browser.executeScript("return window.e2eMark")).isEqualTo("no reload");
    screenshot("ui-webhook-activities.png");

    slow().until(() -> {
      browser.findElement(By.cssSelector(css + " a.run-link")).click();
      return browser.getCurrentUrl().endsWith("/runs/" + id);
    });
    slow().until(() -> logText().contains("line 3 of " + LINES));
    // the line is on the page while the store still has the run going
    assertThat(status(id)).isEqualTo(Status.Running);
    slow().until(() -> logText().contains("line 8 of " + LINES));
    assertThat(status(id)).isEqualTo(Status.Running);
    assertThat(text("#run-status")).isEqualTo("Running");
    assertThat(text("#run-facts")).contains("count slowly").contains("Dev");
    slow().until(() -> "Running".equals(
        Browser.attribute(browser, ".stage[data-stage='build']", "data-status")));
    long shell = pid("step shell pid (\\d+)");
    long child = pid("background child pid (\\d+)");
    assertThat(ProcessTree.alive(shell)).as("step shell while running").isTrue();
    assertThat(ProcessTree.alive(child)).as("background child while running").isTrue();
    // the step leads its own process group: the check after Stop looks at the whole group
    assertThat(ProcessTree.groupMembers(shell)).as("the step's group while running")
        .contains(shell, child);
    screenshot("ui-webhook-run-running.png");

    browser.findElement(By.id("stop-button")).click();
    enterToken(server.apiToken());

    slow().until(() -> text("#run-status").equals("Aborted"));
    assertThat(status(id)).isEqualTo(Status.Aborted);
    assertThat(logText()).doesNotContain("line " + LINES + " of " + LINES);
    assertThat(browser.findElement(By.id("stop-button")).isEnabled()).isFalse();
    screenshot("ui-webhook-run-aborted.png");
    slow().untilAsserted(() -> {
      assertThat(ProcessTree.alive(shell)).as("step shell").isFalse();
      assertThat(ProcessTree.alive(child)).as("background child").isFalse();
      assertThat(ProcessTree.groupMembers(shell)).as("the step's process group").isEmpty();
    });

    slow().until(() -> server.provider.sent.stream()
        .anyMatch(s -> s.status().state() == CommitStatus.State.ERROR));
    List<RecordingStatuses.Sent> sent = server.provider.sent;
    assertThat(sent).extracting(s -> s.status().state()).containsExactly(
        CommitStatus.State.PENDING, CommitStatus.State.PENDING, CommitStatus.State.ERROR);
    assertThat(sent).extracting(s -> s.status().description())
        .containsExactly("queued", "running", "the run was stopped");
    assertThat(sent).allSatisfy(s -> {
      assertThat(s.repo()).isEqualTo(new RepoRef(ProviderKind.GITHUB, "acme", "widget"));
      assertThat(s.sha()).isEqualTo(after);
      assertThat(s.status().targetUrl()).isEqualTo(server.url() + "/runs/" + id);
      assertThat(s.status().context()).isNotBlank();
    });
    assertThat(server.serverStore.deliveriesByState()).containsEntry(DeliveryState.done, 1L);
    assertThat(server.activities.list(ActivityFilter.all())).hasSize(1);
  }

  /** GitHub's own push example, pointed at the local repository and its two real commits. */
  private byte[] pushPayload() throws IOException {
    ObjectNode push = (ObjectNode) branchPushExample().deepCopy();
    push.put("ref", "refs/heads/main").put("before", before).put("after", after)
        .put("created", false).put("deleted", false).put("forced", false);
    ObjectNode repository = (ObjectNode) push.get("repository");
    repository.put("name", "widget").put("full_name", "acme/widget")
        .put("clone_url", repo.cloneUrl()).put("default_branch", "main");
    ((ObjectNode) repository.get("owner")).put("login", "acme");
    ObjectNode commit = (ObjectNode) push.get("head_commit");
    commit.put("id", after).put("message", "count slowly");
    for (String who : List.of("author", "committer")) {
      ((ObjectNode) commit.get(who)).put("name", "Dev").put("email", "dev@example.com")
          .put("username", "dev");
    }
    ((ObjectNode) push.get("pusher")).put("name", "dev").put("email", "dev@example.com");
    commit.putArray("added").add(".jx/pipeline.yaml").add("src/Widget.java");
    commit.putArray("removed");
    commit.putArray("modified");
    ArrayNode commits = push.putArray("commits");
    commits.add(commit.deepCopy());
    return JSON.writeValueAsBytes(push);
  }

  private static JsonNode branchPushExample() throws IOException {
    if (!Files.isRegularFile(EXAMPLES)) {
      fail(EXAMPLES.toAbsolutePath().normalize()
          + " is missing: run scripts/test-all (npm ci in test-fixtures)");
    }
    for (JsonNode group : JSON.readTree(EXAMPLES.toFile())) {
      if (group.path("name").asText().equals("push")) {
        for (JsonNode example : group.path("examples")) {
          if (example.path("ref").asText().startsWith("refs/heads/")
              && !example.path("deleted").asBoolean()) {
            return example;
          }
        }
      }
    }
    return fail("no branch push among the GitHub examples");
  }

  private Status status(long id) {
    return server.activities.get(id).orElseThrow().status();
  }

  private long pid(String regex) {
    Matcher m = Pattern.compile(regex).matcher(logText());
    assertThat(m.find()).as("the log shows %s", regex).isTrue();
    return Long.parseLong(m.group(1));
  }

  private void enterToken(String token) {
    slow().until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
    WebElement input = browser.findElement(By.id("token-input"));
    input.clear();
    input.sendKeys(token);
    browser.findElement(By.id("token-save")).click();
  }

  private String logText() {
    return browser.findElement(By.id("steps")).getAttribute("textContent");
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private WebElement waitFor(By by) {
    return slow().until(() -> browser.findElements(by).stream().findFirst().orElse(null),
        e -> e != null);
  }

  private static ConditionFactory slow() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .ignoreExceptions();
  }

  private void screenshot(String name) throws IOException {
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target"));
    Files.copy(file, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
  }
}
