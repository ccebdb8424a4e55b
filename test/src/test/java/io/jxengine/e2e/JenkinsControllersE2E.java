package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's path through an existing Jenkins controller with the real {@code ./jxe}: add it, sync
 * it, see its builds in {@code jxe get activities} with their link back. The controller is a
 * local HTTP server answering with the recorded Jenkins answers of the jenkins-plugin tests, and
 * only to the configured user and API token.
 */
class JenkinsControllersE2E {
  private static final Path FIXTURES =
      Jxe.ROOT.resolve("jenkins-plugin/src/test/resources/jenkins-controller");
  private static final String TOKEN = "e2e-api-token-3c9f1b";
  private static final Map<String, String> ANSWERS = Map.ofEntries(
      Map.entry("/api/json", "root-jobs.json"),
      Map.entry("/job/team/api/json", "team-jobs.json"),
      Map.entry("/job/team/job/service/api/json", "service-jobs.json"),
      Map.entry("/job/hello/api/json", "hello-builds.json"),
      Map.entry("/job/hello/1/api/json", "hello-1.json"),
      Map.entry("/job/hello/2/api/json", "hello-2.json"),
      Map.entry("/job/hello/1/consoleText", "hello-1-console.txt"),
      Map.entry("/job/hello/2/consoleText", "hello-2-console.txt"),
      Map.entry("/job/team/job/app/api/json", "app-builds.json"),
      Map.entry("/job/team/job/app/7/api/json", "app-7-finished.json"),
      Map.entry("/job/team/job/app/7/wfapi/describe", "app-7-wfapi-finished.json"),
      Map.entry("/job/team/job/app/7/consoleText", "app-7-console.txt"),
      Map.entry("/job/team/job/service/job/main/api/json", "main-builds.json"),
      Map.entry("/job/team/job/service/job/main/1/api/json", "main-1.json"),
      Map.entry("/job/team/job/service/job/main/1/wfapi/describe", "main-1-wfapi.json"),
      Map.entry("/job/team/job/service/job/main/1/consoleText", "main-1-console.txt"));

  @TempDir Path dir;
  private HttpServer jenkins;
  private final List<String> unauthorised = new ArrayList<>();

  @BeforeEach
  void startJenkins() throws IOException {
    jenkins = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jenkins.createContext("/", this::answer);
    jenkins.start();
  }

  @AfterEach
  void stopJenkins() {
    jenkins.stop(0);
  }

  @Test
  void aSyncedControllersBuildsShowBesideNativeRunsWithTheirLink() throws Exception {
    Jxe jxe = new Jxe(dir.resolve("home"), Map.of("JXE_SECRET_JENKINS_CI_TOKEN", TOKEN));
    String url = "http://127.0.0.1:" + jenkins.getAddress().getPort() + "/";

    Jxe.Result added = jxe.run("jenkins", "controller", "add", "ci", "--url", url,
        "--user", "alice", "--token-secret", "jenkins-ci/token");
    assertThat(added.exitCode()).as(added.all()).isZero();
    Jxe.Result synced = jxe.run("jenkins", "sync");
    assertThat(synced.exitCode()).as(synced.all()).isZero();
    assertThat(synced.out()).contains("ci: 3 jobs, 4 new builds");
    assertThat(jxe.run("jenkins", "sync").out()).contains("0 new builds");

    Jxe.Result list = jxe.run("get", "activities", "-o", "json", "--source", "jenkins");
    JsonNode activities = new ObjectMapper().readTree(list.out());
    assertThat(activities).hasSize(4);
    JsonNode app = activities.get(1);
    assertThat(app.get("owner").asText()).isEqualTo("ci");
    assertThat(app.get("repo").asText()).isEqualTo("team/app");
    assertThat(app.get("build").asInt()).isEqualTo(7);
    assertThat(app.get("status").asText()).isEqualTo("Succeeded");
    assertThat(app.get("buildUrl").asText()).isEqualTo(url + "job/team/job/app/7/");
    assertThat(jxe.run("get", "activities").out())
        .contains("ci/team/app/default #7").contains(url + "job/team/job/app/7/");
    assertThat(jxe.run("get", "build", "logs", "ci/hello/main", "#1").out())
        .contains("hello world");
    assertThat(unauthorised).isEmpty();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        ("alice:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    String fixture = ANSWERS.get(exchange.getRequestURI().getPath());
    int status;
    byte[] body;
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      unauthorised.add(exchange.getRequestURI().toString());
      status = 401;
      body = new byte[0];
    } else if (fixture == null) {
      status = 404;
      body = new byte[0];
    } else {
      status = 200;
      body = Files.readAllBytes(FIXTURES.resolve(fixture));
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
