package io.jxengine.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.scm.webhook.WebhookHandler;
import io.jxengine.scm.webhook.WebhookRequest;
import io.jxengine.scm.webhook.WebhookResult;
import io.jxengine.server.ServerMetrics;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.queue.GitEventCodec;
import io.jxengine.server.queue.GuardedDeliveryStore;
import io.jxengine.server.queue.NewDelivery;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositorySnapshot;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.repos.VersionedRepositories;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /hook} (GitHub, GitLab, Gitea) and {@code POST /hook/git/{repoId}} (a local
 * repository's post-receive hook). A verified delivery is written to the store before the 2xx
 * answer; the worker handles it later. Bodies are read through a cap and never buffered past it.
 *
 * <p>When the repositories and the deliveries are SQLite stores on one file (as {@code jxe
 * server} wires them), a delivery is verified against the repositories in memory and stored only
 * if their change counter, read in the delivery's own transaction, still has the value of that
 * copy; so no repository row is read per delivery, yet a secret changed or a repository removed
 * by any process decides the very next delivery. Thread-safe.
 */
public final class WebhookRoutes {
  /** Headers that carry a secret as it is (not a signature): never stored. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("x-gitlab-token", "x-jxe-token", "authorization", "cookie");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX = WebhookHandler.MAX_BODY_BYTES;

  private final WebhookHandler handler = new WebhookHandler();
  private final RepositoryStore repositories;
  private final DeliveryStore deliveries;
  /** Null unless both stores are SQLite on one file: then intake reads no repository rows. */
  private final Guard guard;
  private final Runnable onStored;
  private final ServerMetrics metrics;

  /** @param onStored called after each new delivery is stored (wakes the worker) */
  public WebhookRoutes(
      RepositoryStore repositories, DeliveryStore deliveries, Runnable onStored,
      ServerMetrics metrics) {
    this.repositories = repositories;
    this.deliveries = deliveries;
    this.onStored = onStored;
    this.metrics = metrics;
    this.guard = Guard.of(repositories, deliveries);
  }

  /** The repositories in memory and a delivery store that can check them at its commit. */
  private record Guard(VersionedRepositories versions, GuardedDeliveryStore deliveries) {
    static Guard of(RepositoryStore repositories, DeliveryStore deliveries) {
      if (repositories instanceof VersionedRepositories v
          && deliveries instanceof GuardedDeliveryStore g && sameFile(v.file(), g.file())) {
        return new Guard(v, g);
      }
      return null;
    }

    private static boolean sameFile(Path a, Path b) {
      try {
        return Files.isSameFile(a, b);
      } catch (IOException e) {
        return false;
      }
    }
  }

  public void register(Javalin app) {
    app.post("/hook", ctx -> timed(ctx, this::hook));
    app.post("/hook/git/{repoId}", ctx -> timed(ctx, this::gitHook));
  }

  private interface Route {
    void handle(Context ctx) throws IOException;
  }

  private void timed(Context ctx, Route route) throws IOException {
    Timer.Sample sample = Timer.start();
    try {
      route.handle(ctx);
    } finally {
      sample.stop(metrics.webhookTimer());
    }
  }

  private void hook(Context ctx) throws IOException {
    Optional<byte[]> body = readBody(ctx);
    if (body.isEmpty()) {
      return;
    }
    Map<String, String> headers = ctx.headerMap();
    WebhookRequest request = new WebhookRequest(headers, body.get());
    if (guard != null && guardedHook(ctx, request, headers)) {
      return;
    }
    // No guard (stores on other files, or not SQLite), or the repositories kept changing: look
    // the repository up as of now, then store.
    Verified v = verify(request, ref -> repositories.find(ref.provider(), ref.owner(), ref.name()));
    if (v.result() instanceof WebhookResult.Accepted a) {
      store(ctx, List.of(delivery(a, v.repository(), headers, body.get())));
    } else {
      respond(ctx, v.result());
    }
  }

  /**
   * Verifies against the repositories in memory and stores only if they are unchanged at the
   * commit (the counter is read in the delivery's transaction): no repository read per delivery.
   * A 401 or 404 stands only if the counter has not moved since the snapshot; otherwise, and when
   * the guarded store finds the counter moved, it verifies again with a fresh snapshot. False
   * when the repositories changed under it three times: the caller takes the unguarded path.
   */
  private boolean guardedHook(Context ctx, WebhookRequest request, Map<String, String> headers)
      throws IOException {
    RepositorySnapshot snapshot = guard.versions().cached();
    for (int attempt = 0; attempt < 3; attempt++) {
      RepositorySnapshot at = snapshot;
      Verified v = verify(request, ref -> at.find(ref.provider(), ref.owner(), ref.name()));
      if (v.result() instanceof WebhookResult.Accepted a) {
        NewDelivery d = delivery(a, v.repository(), headers, request.body());
        Optional<DeliveryStore.Stored> stored =
            guard.deliveries().storeIfRepositoriesAt(d, at.version());
        if (stored.isPresent()) {
          answerStored(ctx, List.of(d), List.of(stored.get()));
          return true;
        }
        snapshot = guard.versions().current();
      } else if (!(v.result() instanceof WebhookResult.Rejected r)
          || (r.httpStatus() != WebhookResult.Rejected.UNAUTHORIZED
              && r.httpStatus() != WebhookResult.Rejected.UNKNOWN_REPOSITORY)) {
        // Malformed, too large, or ignored: nothing is stored, so a stale secret changes nothing.
        respond(ctx, v.result());
        return true;
      } else {
        snapshot = guard.versions().current();
        if (snapshot.version() == at.version()) {
          respond(ctx, v.result()); // the secret (or its absence) was current: 401 or 404 stands
          return true;
        }
      }
    }
    return false;
  }

  /** A webhook's result, and the repository whose secret verified it (null when none did). */
  private record Verified(WebhookResult result, Repository repository) {}

  private Verified verify(
      WebhookRequest request, Function<RepoRef, Optional<Repository>> lookup) {
    Repository[] used = new Repository[1];
    WebhookResult result = handler.handle(request, ref -> lookup.apply(ref).map(r -> {
      used[0] = r;
      return r.webhookSecret();
    }));
    return new Verified(result, used[0]);
  }

  private static NewDelivery delivery(
      WebhookResult.Accepted a, Repository repo, Map<String, String> headers, byte[] body) {
    GitEvent event = a.event();
    return new NewDelivery(a.provider(), a.deliveryId(), a.eventName(), storedHeaders(headers),
        body, repo.id(), GitEventCodec.kind(event), GitEventCodec.encode(event));
  }

  /** Answers a result that stores nothing: rejected or ignored. */
  private void respond(Context ctx, WebhookResult result) throws JsonProcessingException {
    if (result instanceof WebhookResult.Rejected r) {
      reject(ctx, r.httpStatus(), r.reason());
    } else if (result instanceof WebhookResult.Ignored i) {
      metrics.delivery("ignored");
      answer(ctx, 202, Map.of("ignored", i.reason()));
    } else {
      throw new IllegalStateException("an accepted delivery is stored, not just answered");
    }
  }

  private void gitHook(Context ctx) throws IOException {
    Optional<Repository> repo = repository(ctx.pathParam("repoId"));
    if (repo.isEmpty()) {
      reject(ctx, 404, "the repository is not registered");
      return;
    }
    String token = ctx.header("X-Jxe-Token");
    String secret = repo.get().webhookSecret();
    if (token == null || secret == null || secret.isEmpty()
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            secret.getBytes(StandardCharsets.UTF_8))) {
      reject(ctx, 401, "the token is missing or wrong");
      return;
    }
    Optional<byte[]> body = readBody(ctx);
    if (body.isEmpty()) {
      return;
    }
    List<GitEvent.Push> pushes;
    try {
      pushes = GitHookLines.parse(body.get(), repo.get());
    } catch (GitHookLines.Malformed e) {
      reject(ctx, 400, e.getMessage());
      return;
    }
    List<NewDelivery> stored = new ArrayList<>();
    for (GitEvent.Push push : pushes) {
      // The same update sent twice is one delivery: the id is a hash of what it says.
      String id = "git-" + Signatures.sha256Hex(
          (repo.get().id() + "\n" + push.ref() + "\n" + push.before() + "\n" + push.after())
              .getBytes(StandardCharsets.UTF_8));
      String line = JSON.writeValueAsString(
          Map.of("ref", push.ref(), "before", push.before(), "after", push.after()));
      stored.add(new NewDelivery(ProviderKind.GIT, id, "push", storedHeaders(ctx),
          line.getBytes(StandardCharsets.UTF_8), repo.get().id(), "push",
          GitEventCodec.encode(push)));
    }
    store(ctx, stored);
  }

  private void store(Context ctx, List<NewDelivery> toStore) throws JsonProcessingException {
    List<DeliveryStore.Stored> results = new ArrayList<>();
    for (NewDelivery d : toStore) {
      results.add(deliveries.store(d));
    }
    answerStored(ctx, toStore, results);
  }

  private void answerStored(Context ctx, List<NewDelivery> toStore,
      List<DeliveryStore.Stored> results) throws JsonProcessingException {
    List<Map<String, Object>> answers = new ArrayList<>();
    boolean allDuplicates = true;
    for (int i = 0; i < toStore.size(); i++) {
      NewDelivery d = toStore.get(i);
      DeliveryStore.Stored stored = results.get(i);
      metrics.delivery(stored.duplicate() ? "duplicate" : "accepted");
      allDuplicates &= stored.duplicate();
      answers.add(Map.of("delivery", d.deliveryId(), "duplicate", stored.duplicate()));
    }
    if (!allDuplicates) {
      onStored.run();
    }
    Object answer = answers.size() == 1 ? answers.get(0) : Map.of("deliveries", answers);
    answer(ctx, allDuplicates ? 200 : 202, answer);
  }

  /** The body, or empty after answering 413 when it is (or says it is) over the cap. */
  private Optional<byte[]> readBody(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX) {
      reject(ctx, 413, "the body is larger than " + MAX + " bytes");
      return Optional.empty();
    }
    try {
      return Optional.of(BoundedBody.read(ctx.req().getInputStream(), MAX, declared));
    } catch (BoundedBody.TooLarge e) {
      reject(ctx, 413, "the body is larger than " + MAX + " bytes");
      return Optional.empty();
    }
  }

  private Optional<Repository> repository(String id) {
    try {
      return repositories.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> storedHeaders(Context ctx) {
    return storedHeaders(ctx.headerMap());
  }

  private static Map<String, String> storedHeaders(Map<String, String> sent) {
    Map<String, String> headers = new LinkedHashMap<>();
    sent.forEach((name, value) -> headers.put(name,
        SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : value));
    return headers;
  }

  private void reject(Context ctx, int status, String reason) throws JsonProcessingException {
    metrics.delivery("rejected_" + status);
    if (status == 413) {
      // The rest of the body stays unread; closing is cheaper than draining up to 25 MB.
      ctx.header("Connection", "close");
    }
    answer(ctx, status, Map.of("error", reason));
  }

  private static void answer(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
  }
}
