package io.jxengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.server.repos.Repository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook intake over real HTTP: verification, durability before the answer, size caps, dedup. */
class ServerWebhookIT {
  static final String PIPELINE = """
      name: ci
      stages:
        - name: build
          steps:
            - name: hello
              run: echo "hello from $BRANCH_NAME"
      """;
  static final String ZEROS = "0".repeat(40);

  @TempDir Path tmp;
  ServerHarness h;
  Path origin;
  RevCommit head;

  @BeforeEach
  void start() throws Exception {
    h = new ServerHarness(tmp, PIPELINE);
    origin = tmp.resolve("origin");
    head = ServerHarness.commit(origin, "first");
    h.start(ServerConfig.loopback(0));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private byte[] push() {
    return h.pushPayload(origin.toUri().toString(), ZEROS, head.getName());
  }

  @Test
  void signedPushIsStoredThenRunsToSuccess() throws Exception {
    h.registerGitHub(origin);

    HttpResponse<String> r = h.postGitHub("push", "d-1", push(), true);

    assertThat(r.statusCode()).isEqualTo(202);
    JsonNode answer = ServerHarness.JSON.readTree(r.body());
    assertThat(answer.get("delivery").asText()).isEqualTo("d-1");
    assertThat(answer.get("duplicate").asBoolean()).isFalse();
    // Stored before the answer: the row is there now, whatever the worker does.
    assertThat(h.count("deliveries")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.activities().stream().anyMatch(a -> a.status().isTerminal()));
    Activity a = h.activities().get(0);
    assertThat(a.status()).isEqualTo(Status.Succeeded);
    assertThat(a.commitSha()).isEqualTo(head.getName());
    assertThat(a.context()).isEqualTo("ci");
    await().until(() -> h.serverStore.deliveriesByState().getOrDefault(
        io.jxengine.server.queue.DeliveryState.done, 0L) == 1L);
  }

  @Test
  void aDeliveryWhoseHandlingFailsIsTriedAgainThenGivenUp() throws Exception {
    h.registerGitHub(origin);
    h.planner.failures.set(1);
    h.postGitHub("push", "d-retry", push(), true);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.activities().stream().anyMatch(a -> a.status() == Status.Succeeded));
    assertThat(h.serverStore.getDelivery(1).orElseThrow().attempts()).isEqualTo(2);

    h.planner.failures.set(100);
    h.postGitHub("push", "d-broken", push(), true);
    await().atMost(Duration.ofSeconds(30)).until(() -> h.serverStore.deliveriesByState()
        .getOrDefault(io.jxengine.server.queue.DeliveryState.failed, 0L) == 1L);
    var failed = h.serverStore.getDelivery(2).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.error()).contains("IllegalStateException");
    assertThat(h.activities()).hasSize(1);
  }

  @Test
  void unsignedPushIs401AndNothingIsStored() throws Exception {
    h.registerGitHub(origin);

    HttpResponse<String> r = h.postGitHub("push", "d-1", push(), false);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(h.count("deliveries")).isZero();
    assertThat(h.count("activities")).isZero();
    assertThat(h.planner.calls).hasValue(0);
  }

  @Test
  void wronglySignedPushIs401() throws Exception {
    h.registerGitHub(origin);
    HttpRequest req = HttpRequest.newBuilder(URI.create(h.server.url() + "/hook"))
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d-1")
        .header("X-Hub-Signature-256", "sha256=" + "ab".repeat(32))
        .POST(HttpRequest.BodyPublishers.ofByteArray(push()))
        .build();

    assertThat(h.http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    h.registerGitHub(origin);
    byte[] garbage = "{\"ref\": ".getBytes(StandardCharsets.UTF_8);

    assertThat(h.postGitHub("push", "d-1", garbage, true).statusCode()).isEqualTo(400);
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void unknownRepositoryIs404() throws Exception {
    HttpResponse<String> r = h.postGitHub("push", "d-1", push(), true);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void ignoredEventIs202AndStoresNothing() throws Exception {
    h.registerGitHub(origin);
    byte[] star = ServerHarness.bytes(ServerHarness.JSON.createObjectNode().put("action", "created")
        .set("repository", ServerHarness.JSON.createObjectNode()
            .put("full_name", "acme/widget").put("clone_url", "x")));

    assertThat(h.postGitHub("star", "d-1", star, true).statusCode()).isEqualTo(202);
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void contentLengthOver25MbIs413WithoutReadingTheBody() throws Exception {
    h.registerGitHub(origin);
    long claimed = 26L * 1024 * 1024;
    try (Socket s = new Socket("127.0.0.1", h.server.port())) {
      OutputStream out = s.getOutputStream();
      // A header claiming 26 MB and a tiny body: the answer can only come without reading it.
      out.write(("POST /hook HTTP/1.1\r\nHost: localhost\r\nX-GitHub-Event: push\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + claimed + "\r\n\r\n{}")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = readStatusLine(s.getInputStream());
      assertThat(status).startsWith("HTTP/1.1 413");
    }
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void chunkedBodyOver25MbIs413() throws Exception {
    h.registerGitHub(origin);
    byte[] big = new byte[26 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    // ofInputStream has no known length, so the client sends it chunked.
    HttpRequest req = HttpRequest.newBuilder(URI.create(h.server.url() + "/hook"))
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d-big")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
        .build();

    int status;
    try {
      status = h.http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (java.io.IOException closedWhileSending) {
      // The server answered 413 and closed the connection while the client was still sending.
      status = 413;
    }

    assertThat(status).isEqualTo(413);
    assertThat(h.count("deliveries")).isZero();
  }

  @Test
  void theSameDeliveryTwiceGivesOneRun() throws Exception {
    h.registerGitHub(origin);

    HttpResponse<String> first = h.postGitHub("push", "d-dup", push(), true);
    HttpResponse<String> second = h.postGitHub("push", "d-dup", push(), true);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(ServerHarness.JSON.readTree(second.body()).get("duplicate").asBoolean()).isTrue();
    assertThat(h.count("deliveries")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.activities().stream().allMatch(a -> a.status().isTerminal())
            && !h.activities().isEmpty());
    assertThat(h.activities()).hasSize(1);
  }

  @Test
  void tenConcurrentCopiesOfADeliveryGiveOneRun() throws Exception {
    h.registerGitHub(origin);
    byte[] body = push();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      List<Callable<Integer>> sends = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sends.add(() -> h.postGitHub("push", "d-many", body, true).statusCode());
      }
      answers.addAll(pool.invokeAll(sends));
    } finally {
      pool.shutdown();
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }

    assertThat(statuses).containsOnly(200, 202).containsOnlyOnce(202);
    assertThat(h.count("deliveries")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> !h.activities().isEmpty()
            && h.activities().stream().allMatch(a -> a.status().isTerminal()));
    assertThat(h.activities()).hasSize(1);
    assertThat(h.activities().get(0).status()).isEqualTo(Status.Succeeded);
  }

  @Test
  void localGitHookWithTheTokenRunsThePush() throws Exception {
    Repository repo = h.registerGit(origin);
    String line = "{\"ref\":\"refs/heads/main\",\"before\":\"" + ZEROS + "\",\"after\":\""
        + head.getName() + "\"}\n";

    HttpResponse<String> r = gitHook(repo.id(), ServerHarness.SECRET, line);

    assertThat(r.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.activities().stream().anyMatch(a -> a.status().isTerminal()));
    Activity a = h.activities().get(0);
    assertThat(a.status()).isEqualTo(Status.Succeeded);
    assertThat(a.branch()).isEqualTo("main");
    assertThat(a.owner()).isEqualTo("local");
    // The same update again is the same delivery.
    assertThat(gitHook(repo.id(), ServerHarness.SECRET, line).statusCode()).isEqualTo(200);
    assertThat(h.count("deliveries")).isEqualTo(1);
    // The token is never stored.
    assertThat(new String(java.nio.file.Files.readAllBytes(h.home.database()),
        StandardCharsets.ISO_8859_1)).doesNotContain(ServerHarness.SECRET);
  }

  @Test
  void localGitHookRejectsWrongTokensUnknownRepositoriesAndBadLines() throws Exception {
    Repository repo = h.registerGit(origin);
    String line = "{\"ref\":\"refs/heads/main\",\"before\":\"" + ZEROS + "\",\"after\":\""
        + head.getName() + "\"}";

    assertThat(gitHook(repo.id(), "wrong", line).statusCode()).isEqualTo(401);
    assertThat(gitHook(repo.id(), null, line).statusCode()).isEqualTo(401);
    assertThat(gitHook(999, ServerHarness.SECRET, line).statusCode()).isEqualTo(404);
    assertThat(gitHook(repo.id(), ServerHarness.SECRET, "not json").statusCode()).isEqualTo(400);
    assertThat(gitHook(repo.id(), ServerHarness.SECRET,
        line.replace("refs/heads/main", "refs/heads/$(touch${IFS}pwned)")).statusCode())
        .isEqualTo(202);
    assertThat(gitHook(repo.id(), ServerHarness.SECRET,
        line.replace(head.getName(), "HEAD")).statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> gitHook(long repoId, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create(h.server.url() + "/hook/git/" + repoId))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("X-Jxe-Token", token);
    }
    return h.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String readStatusLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().trim();
  }
}
