package io.jxengine.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.scm.webhook.WebhookHandler;
import io.jxengine.scm.webhook.WebhookRequest;
import io.jxengine.scm.webhook.WebhookResult;
import io.jxengine.scm.webhook.WebhookSecrets;
import io.jxengine.server.ServerMetrics;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.queue.GitEventCodec;
import io.jxengine.server.queue.NewDelivery;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /hook} (GitHub, GitLab, Gitea) and {@code POST /hook/git/{repoId}} (a local
 * repository's post-receive hook). A verified delivery is written to the store before the 2xx
 * answer; the worker handles it later. Bodies are read through a cap and never buffered past it.
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
    // One repository lookup per delivery: the one that gave the secret is the one stored with it.
    Repository[] verifiedWith = new Repository[1];
    WebhookSecrets secrets = ref -> repositories.find(ref.provider(), ref.owner(), ref.name())
        .map(r -> {
          verifiedWith[0] = r;
          return r.webhookSecret();
        });
    Map<String, String> headers = ctx.headerMap();
    WebhookResult result = handler.handle(new WebhookRequest(headers, body.get()), secrets);
    if (result instanceof WebhookResult.Rejected r) {
      reject(ctx, r.httpStatus(), r.reason());
    } else if (result instanceof WebhookResult.Ignored i) {
      metrics.delivery("ignored");
      answer(ctx, 202, Map.of("ignored", i.reason()));
    } else {
      WebhookResult.Accepted a = (WebhookResult.Accepted) result;
      GitEvent event = a.event();
      // Accepted means verified, and verifying took the secret from the repository found.
      Repository repo = verifiedWith[0];
      store(ctx, List.of(new NewDelivery(a.provider(), a.deliveryId(), a.eventName(),
          storedHeaders(headers), body.get(), repo.id(), GitEventCodec.kind(event),
          GitEventCodec.encode(event))));
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
    List<Map<String, Object>> answers = new ArrayList<>();
    boolean allDuplicates = true;
    for (NewDelivery d : toStore) {
      DeliveryStore.Stored stored = deliveries.store(d);
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
    if (ctx.req().getContentLengthLong() > MAX) {
      reject(ctx, 413, "the body is larger than " + MAX + " bytes");
      return Optional.empty();
    }
    try {
      return Optional.of(BoundedBody.read(ctx.req().getInputStream(), MAX));
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
