package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerExtension;
import io.jxengine.server.ServerParts;
import io.jxengine.server.api.ApiContext;
import io.jxengine.server.api.ApiRoutes;
import io.jxengine.server.api.FileTokenVerifier;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.server.trigger.TriggerPlanner;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteServerStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's periodic sync, found through ServiceLoader as {@code jxe server} finds it: the
 * first sync runs once the server has started, and the REST API serves the imported builds
 * beside native ones with their link back to the controller.
 */
class ControllerSyncServerIT {
  @RegisterExtension
  static WireMockExtension jenkins =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @Test
  void theServerSyncsAfterStartAndTheApiShowsImportedBuildsWithTheirLink() throws Exception {
    JenkinsFixtures.serveController(jenkins);
    JxeHome home = new JxeHome(dir.resolve("home"), List.of()).ensureExists();
    ControllersFile.in(home.root()).save(new ControllersFile.Config(Duration.ofMinutes(10), 20,
        List.of(JenkinsFixtures.controller("ci", jenkins))));
    LocalSecretProvider secrets = new LocalSecretProvider(List.of(),
        Map.of("JXE_SECRET_JENKINS_CI_TOKEN", JenkinsFixtures.TOKEN));
    FileLogStore logs = new FileLogStore(home.logs());

    try (SqliteActivityStore activities = SqliteActivityStore.open(home.database());
        SqliteServerStore serverStore = SqliteServerStore.open(home.database());
        StoreDb repoDb = StoreDb.open(home.database())) {
      SqliteRepositoryStore repositories = new SqliteRepositoryStore(repoDb);
      ServerParts parts = new ServerParts(activities, serverStore, serverStore, repositories,
          (repo, event, id) -> TriggerPlanner.Decision.nothing("no pipelines in this test"),
          repo -> Optional.empty(),
          new RunService(activities, logs, new LocalBackend(home.scripts()), secrets, home),
          new PipelineLoader(Catalog.empty()));
      ServerApp server = new ServerApp(ServerConfig.loopback(0), parts);
      server.addRoutes((javalin, s) -> ApiRoutes.register(javalin, new ApiContext(activities,
          logs, repositories, s.runControl(), FileTokenVerifier.open(home.root(),
              new PrintStream(new ByteArrayOutputStream())), null)));
      ServerExtension extension = ServiceLoader.load(ServerExtension.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(e -> e instanceof ControllerSyncExtension)
          .findFirst().orElseThrow();
      AutoCloseable attached =
          extension.attach(new ServerExtension.Context(server, home, logs, secrets));
      // nothing is synced before the server has started
      assertThat(jenkins.getAllServeEvents()).isEmpty();
      server.start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> activities.list(
            new ActivityFilter("ci", null, null, null, "jenkins", 0)).size() == 4
            && !jenkins.findAll(getRequestedFor(
                urlPathEqualTo("/job/team/job/service/job/main/1/consoleText"))).isEmpty());

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.url() + "/api/activities?source=jenkins&repo=ci/hello")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = new ObjectMapper().readTree(r.body());
        assertThat(list).hasSize(2);
        JsonNode first = list.get(1);
        assertThat(first.get("name").asText()).isEqualTo("ci/hello/main #1");
        assertThat(first.get("source").asText()).isEqualTo("jenkins");
        assertThat(first.get("status").asText()).isEqualTo("Succeeded");
        assertThat(first.get("buildUrl").asText()).isEqualTo(jenkins.baseUrl() + "/job/hello/1/");
        assertThat(first.get("durationMillis").asLong()).isEqualTo(12500);
        assertThat(first.get("stages").get(0).get("steps").get(0).get("name").asText())
            .isEqualTo("console");
      } finally {
        server.stop();
        attached.close();
      }
    }
  }
}
