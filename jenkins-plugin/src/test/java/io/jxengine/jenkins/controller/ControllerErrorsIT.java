package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.logs.FileLogStore;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.store.SqliteActivityStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Errors are data: one line per broken controller or job, and the others are still synced. */
class ControllerErrorsIT {
  @RegisterExtension
  static WireMockExtension good =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension broken =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private SqliteActivityStore store;
  private ControllerSync sync;

  @BeforeEach
  void setUp() {
    store = SqliteActivityStore.open(dir.resolve("jxe.db"));
    Map<String, String> env = Map.of(
        "JXE_SECRET_JENKINS_GOOD_TOKEN", JenkinsFixtures.TOKEN,
        "JXE_SECRET_JENKINS_DOWN_TOKEN", JenkinsFixtures.TOKEN,
        "JXE_SECRET_JENKINS_BROKEN_TOKEN", JenkinsFixtures.TOKEN);
    sync = new ControllerSync(store, new FileLogStore(dir.resolve("logs")),
        new LocalSecretProvider(List.of(), env));
    JenkinsFixtures.serveController(good);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void unreachableUnauthorisedAndUnconfiguredControllersDoNotStopTheOthers() throws IOException {
    broken.stubFor(get(urlPathEqualTo("/api/json")).willReturn(aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Basic realm=\"Jenkins\"")));
    ControllersFile.Config config = new ControllersFile.Config(Duration.ofMinutes(5), 20, List.of(
        Controller.of("down", "http://127.0.0.1:" + freePort() + "/", "alice",
            "jenkins-down/token", List.of()),
        Controller.of("broken", broken.baseUrl(), "alice", "jenkins-broken/token", List.of()),
        Controller.of("nosecret", good.baseUrl(), "alice", "jenkins-nosecret/token", List.of()),
        JenkinsFixtures.controller("good", good)));

    List<ControllerSync.Result> results = sync.syncAll(config, null);

    assertThat(results).extracting(ControllerSync.Result::controller)
        .containsExactly("down", "broken", "nosecret", "good");
    assertThat(results.get(0).errors()).singleElement().asString()
        .startsWith("controller down: cannot reach");
    assertThat(results.get(1).errors()).singleElement()
        .satisfies(e -> assertThat(e).contains("controller broken").contains("(401)")
            .contains("jenkins-broken/token").doesNotContain("\n"));
    assertThat(results.get(2).errors()).singleElement().asString()
        .contains("JXE_SECRET_JENKINS_NOSECRET_TOKEN");
    assertThat(results.get(3).errors()).isEmpty();
    assertThat(results.get(3).created()).isEqualTo(4);
    assertThat(store.list(ActivityFilter.all())).allMatch(a -> a.owner().equals("good"));
  }

  @Test
  void aJobAnsweringNonsenseIsOneLineAndItsSiblingsAreImported() {
    good.stubFor(get(urlPathEqualTo("/job/hello/api/json"))
        .willReturn(aResponse().withStatus(200).withBody("<html><body>Oops</body></html>")));

    ControllerSync.Result result = sync.sync(JenkinsFixtures.controller("good", good), 20);

    assertThat(result.errors()).singleElement().asString()
        .contains("job hello").contains("not Jenkins JSON").doesNotContain("\n");
    assertThat(result.created()).isEqualTo(2);
  }

  @Test
  void anOversizedAnswerIsRefused() {
    broken.stubFor(get(urlPathEqualTo("/api/json")).willReturn(okJson(
        "{\"jobs\": [\"" + "x".repeat(JenkinsHttp.MAX_JSON_BYTES) + "\"]}")));

    ControllerSync.Result result = sync.sync(
        Controller.of("broken", broken.baseUrl(), "alice", "jenkins-broken/token", List.of()), 20);

    assertThat(result.errors()).singleElement().asString().contains("answered more than");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
