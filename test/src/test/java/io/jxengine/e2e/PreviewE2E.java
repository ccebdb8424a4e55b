package io.jxengine.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request preview story through the real {@code ./jxe server} process: fabric8's CRUD
 * mock server is the cluster (reached through a kubeconfig), WireMock is GitHub's API. A
 * repository is imported, signed {@code pull_request} webhooks arrive over HTTP: opened builds
 * and deploys the preview (its step runs {@code jxe preview create} as a process) and comments
 * its URL; synchronize updates the same preview and edits the same comment; closed deletes the
 * namespace and the Preview and updates the comment. Then a pull request closed while the server
 * is stopped is cleaned up by the garbage collection at the next start.
 */
@EnableKubernetesMockClient(crud = true)
class PreviewE2E {
  static final String NS = "jx";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  KubernetesMockServer cluster;
  KubernetesClient client;
  WireMockServer gh;
  GitHubApi api;
  Jxe jxe;
  Path app;
  String webhookSecret;
  Process server;
  final List<String> serverLogs = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: mock, context: {cluster: mock, user: u, namespace: %s}}]
        current-context: mock
        """.formatted(client.getMasterUrl().toString(), NS));
    try (InputStream in = Files.newInputStream(
        Jxe.ROOT.resolve("charts/jx-engine/crds/previews.jx-engine.io-v1.yml"))) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
    gh = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    gh.start();
    api = new GitHubApi(gh);
    Path home = tmp.resolve("home");
    Files.createDirectories(home);
    // the token the server and the preview step (through JXE_HOME) use for GitHub
    Files.writeString(home.resolve("secrets.yaml"), "github:\n  token: t0ken\n");
    jxe = new Jxe(home, Map.of("KUBECONFIG", kubeconfig.toString(),
        "JXE_PREVIEW_NAMESPACE", NS));

    app = tmp.resolve("app");
    git(tmp, "init", "-q", "-b", "main", app.toString());
    Files.createDirectories(app.resolve(".jx/pipelines"));
    Files.writeString(app.resolve(".jx/pipelines/pullrequest.yaml"), """
        triggers:
          pull_request: {}
        env:
          JXE_PREVIEW_NAMESPACE: jx
          PREVIEW_DOMAIN: preview.test
        stages:
          - name: build
            steps:
              - run: echo "building pull request $PULL_NUMBER at $PULL_PULL_SHA"
          - name: preview
            when:
              cluster: true
            secrets:
              - env: JXE_KUBECONFIG_DATA
                secret: jxe-cluster
                key: kubeconfig
            steps:
              # what the container-image step exports after a push (no buildah on this machine)
              - name: image
                run: echo "CONTAINER_IMAGE=registry.test/acme/app:$PULL_PULL_SHA" >> "$JXE_ENV"
              - uses: preview
                with:
                  timeout: 0s
                  quota: pods=5
        """);
    Files.writeString(app.resolve("README.md"), "app\n");
    git(app, "add", "-A");
    git(app, "commit", "-q", "-m", "a pull-request pipeline with a preview");

    Jxe.Result imported = jxe.run("import", app.toString(), "--provider", "github", "--name",
        "acme/app", "--api-url", gh.baseUrl(), "--token-secret", "github/token",
        "--trusted", "jane");
    assertThat(imported.exitCode()).as(imported.all()).isZero();
    Matcher m = Pattern.compile("Secret:\\s+([0-9a-f]+)").matcher(imported.out());
    assertThat(m.find()).as(imported.out()).isTrue();
    webhookSecret = m.group(1);
  }

  @AfterEach
  void tearDown() throws Exception {
    stopServer();
    if (gh != null) {
      gh.stop();
    }
  }

  @Test
  void openedSynchronizeClosedThenACloseWhileStoppedIsCleanedAtTheNextStart() throws Exception {
    api.pullRequest(7, "open");
    startServer();

    String sha1 = commitOn("feature-7", "one");
    deliver("opened", 7, sha1);
    assertLatestSucceeded(1);
    String name = "jx-acme-app-pr-7";
    GenericKubernetesResource preview = previews().withName(name).get();
    assertThat(preview).as("the Preview resource").isNotNull();
    Map<String, Object> spec = spec(preview);
    assertThat(spec).containsEntry("url", "http://app-pr-7.preview.test")
        .containsEntry("pullRequestUrl", "https://github.com/acme/app/pull/7")
        .containsEntry("image", "registry.test/acme/app:" + sha1);
    assertThat(client.namespaces().withName(name).get()).isNotNull();
    assertThat(client.resources(ResourceQuota.class).inNamespace(name).list().getItems())
        .singleElement().satisfies(q -> assertThat(q.getSpec().getHard().get("pods").toString())
            .isEqualTo("5"));
    gh.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments"))
        .withRequestBody(matching(".*http://app-pr-7.preview.test.*")));
    Jxe.Result listed = jxe.run("get", "previews");
    assertThat(listed.exitCode()).as(listed.all()).isZero();
    assertThat(listed.out()).contains(name, "http://app-pr-7.preview.test",
        "https://github.com/acme/app/pull/7", "72h");

    String sha2 = commitOn("feature-7", "two");
    deliver("synchronize", 7, sha2);
    assertLatestSucceeded(2);
    assertThat(previews().list().getItems()).singleElement()
        .satisfies(p -> assertThat(spec(p)).containsEntry("image", "registry.test/acme/app:" + sha2));
    gh.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments")));
    gh.verify(patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/507"))
        .withRequestBody(matching(".*registry.test/acme/app:" + sha2 + ".*")));

    api.state(7, "closed");
    deliver("closed", 7, sha2);
    awaitGone(name, 507);

    // a pull request closed while the engine is down: the next start cleans it up
    api.pullRequest(8, "open");
    String sha3 = commitOn("feature-8", "three");
    deliver("opened", 8, sha3);
    assertLatestSucceeded(3);
    assertThat(previews().withName("jx-acme-app-pr-8").get()).isNotNull();
    stopServer();
    api.state(8, "closed");
    startServer();
    awaitGone("jx-acme-app-pr-8", 508);
  }

  void startServer() throws Exception {
    Path url = jxe.home().resolve("server.url");
    Files.deleteIfExists(url);
    server = jxe.start("server", "--port", "0");
    await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(url) || !server.isAlive());
    assertThat(server.isAlive()).as("the server runs: %s", log(server)).isTrue();
  }

  void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroy(); // SIGTERM: the server stops as on a host's shutdown
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    if (server != null) {
      serverLogs.add(log(server));
    }
    server = null;
  }

  String log(Process p) throws Exception {
    Path err = jxe.home().resolve("err-" + p.pid());
    return jxe.output(p) + (Files.exists(err) ? Files.readString(err) : "");
  }

  String serverUrl() throws Exception {
    return Files.readString(jxe.home().resolve("server.url")).strip();
  }

  /** A signed GitHub {@code pull_request} delivery, as GitHub sends it. */
  void deliver(String action, int number, String headSha) throws Exception {
    String base = git(app, "rev-parse", "main").strip();
    String url = app.toString();
    String body = JSON.writeValueAsString(Map.of(
        "action", action,
        "number", number,
        "pull_request", Map.of(
            "number", number, "title", "Add feature", "state",
            action.equals("closed") ? "closed" : "open", "merged", false,
            "html_url", "https://github.com/acme/app/pull/" + number,
            "user", Map.of("login", "jane"), "author_association", "MEMBER",
            "head", Map.of("ref", "feature-" + number, "sha", headSha,
                "repo", Map.of("full_name", "acme/app", "clone_url", url)),
            "base", Map.of("ref", "main", "sha", base,
                "repo", Map.of("full_name", "acme/app", "clone_url", url))),
        "repository", Map.of("full_name", "acme/app", "clone_url", url)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256="
        + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl() + "/hook"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** Waits for {@code count} finished activities; the newest must have succeeded. */
  void assertLatestSucceeded(int count) throws Exception {
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
      JsonNode list = JSON.readTree(jxe.run("get", "activities", "-o", "json").out());
      if (list.size() < count) {
        return false;
      }
      for (JsonNode a : list) {
        String status = a.path("status").asText();
        if (status.equals("Pending") || status.equals("Running") || status.isEmpty()) {
          return false;
        }
      }
      return true;
    });
    JsonNode newest = JSON.readTree(jxe.run("get", "activities", "-o", "json").out()).get(0);
    assertThat(newest.path("status").asText()).as("%s%nserver: %s", newest.toPrettyString(),
        server == null ? "" : log(server)).isEqualTo("Succeeded");
    // the Preview step's message: the preview's URL and the pull request's
    assertThat(newest.toString()).contains("\"Preview\"",
        ".preview.test for https://github.com/acme/app/pull/");
  }

  void awaitGone(String name, long commentId) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          assertThat(previews().withName(name).get()).isNull();
          assertThat(client.namespaces().withName(name).get()).isNull();
          gh.verify(patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/"
              + commentId)).withRequestBody(matching(".*removed: .*closed.*")));
        });
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> previewsOp() {
    return client.genericKubernetesResources("jx-engine.io/v1", "Preview");
  }

  io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
      GenericKubernetesResourceList, Resource<GenericKubernetesResource>> previews() {
    return previewsOp().inNamespace(NS);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("spec");
  }

  /** Commits on {@code branch} (made from main when new) and returns the commit. */
  String commitOn(String branch, String content) throws Exception {
    boolean exists = !git(app, "branch", "--list", branch).isBlank();
    git(app, "checkout", "-q", exists ? branch : "-b", exists ? "--" : branch);
    Files.writeString(app.resolve("feature.txt"), content + "\n");
    git(app, "add", "-A");
    git(app, "commit", "-q", "-m", "feat: " + content);
    String sha = git(app, "rev-parse", "HEAD").strip();
    git(app, "checkout", "-q", "main");
    return sha;
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=e2e",
        "-c", "user.email=e2e@example.invalid"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
