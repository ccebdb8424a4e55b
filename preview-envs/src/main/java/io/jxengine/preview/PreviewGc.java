package io.jxengine.preview;

import io.jxengine.parse.GoDuration;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One garbage-collection pass over every {@link Preview}, from what each resource records:
 *
 * <ol>
 *   <li>previews whose pull request is closed or merged (asked of the provider; when the provider
 *       cannot say, the preview stays and the TTL still applies),
 *   <li>previews idle past their TTL (no push since {@code updatedAt}),
 *   <li>beyond a repository's maximum, the least recently updated.
 * </ol>
 *
 * Each eviction deletes the namespace and the resource and comments why on the pull request.
 * Thread-safe if its parts are; passes must not overlap (the scheduler runs one at a time).
 */
public final class PreviewGc {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewGc.class);
  /** For previews that record no TTL or maximum (written by hand). */
  static final Duration DEFAULT_TTL = Duration.ofHours(72);
  static final int DEFAULT_MAX = 5;

  private final PreviewStore store;
  private final PreviewService service;
  private final Function<RepoRef, Optional<GitProvider>> providers;
  private final Clock clock;

  public PreviewGc(PreviewStore store, PreviewService service,
      Function<RepoRef, Optional<GitProvider>> providers, Clock clock) {
    this.store = store;
    this.service = service;
    this.providers = providers;
    this.clock = clock;
  }

  /** One evicted preview and why. @param notes comment problems, if any */
  public record Eviction(String name, String reason, List<String> notes) {}

  /** Runs one pass; a preview that cannot be deleted is logged and tried again next pass. */
  public List<Eviction> run() {
    Instant now = clock.instant();
    Map<String, String> reasons = new LinkedHashMap<>();
    Map<String, List<Preview>> byRepo = new LinkedHashMap<>();
    for (Preview p : store.list()) {
      PreviewSpec s = p.getSpec();
      String name = p.getMetadata().getName();
      Optional<String> closed = closedReason(s);
      if (closed.isPresent()) {
        reasons.put(name, closed.get());
        continue;
      }
      Duration ttl = GoDuration.parse(s.getTtl()).orElse(DEFAULT_TTL);
      Instant updated = updated(s);
      if (Duration.between(updated, now).compareTo(ttl) > 0) {
        reasons.put(name, "no push for " + GoDuration.format(ttl) + " (its time to live)");
        continue;
      }
      byRepo.computeIfAbsent(s.getProvider() + "/" + s.getOwner() + "/" + s.getRepository(),
          k -> new ArrayList<>()).add(p);
    }
    for (List<Preview> previews : byRepo.values()) {
      previews.sort(Comparator.comparing((Preview p) -> updated(p.getSpec())).reversed());
      for (int i = 0; i < previews.size(); i++) {
        Integer max = previews.get(i).getSpec().getMaxPerRepository();
        int limit = max == null || max < 1 ? DEFAULT_MAX : max;
        if (i >= limit) {
          reasons.put(previews.get(i).getMetadata().getName(), "the repository has more than "
              + limit + " previews, and this one was updated least recently");
        }
      }
    }
    List<Eviction> evicted = new ArrayList<>();
    reasons.forEach((name, reason) -> {
      try {
        evicted.add(new Eviction(name, reason, service.delete(name, reason)));
      } catch (RuntimeException e) {
        LOG.warn("preview gc: cannot delete {}: {}", name, e.getMessage());
      }
    });
    return evicted;
  }

  private Optional<String> closedReason(PreviewSpec s) {
    if (s.getPullRequest() == null) {
      return Optional.empty();
    }
    RepoRef ref = PreviewProviders.ref(s);
    try {
      Optional<GitProvider> provider = providers.apply(ref);
      if (provider.isEmpty()) {
        return Optional.empty();
      }
      PullRequestInfo pr = provider.get().getPullRequest(ref, s.getPullRequest());
      if (pr.merged()) {
        return Optional.of("the pull request was merged");
      }
      return "closed".equalsIgnoreCase(pr.state()) ? Optional.of("the pull request was closed")
          : Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("preview gc: cannot read {}#{}: {}", ref.fullName(), s.getPullRequest(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private static Instant updated(PreviewSpec s) {
    String t = s.getUpdatedAt() != null ? s.getUpdatedAt() : s.getCreatedAt();
    try {
      return t == null ? Instant.EPOCH : Instant.parse(t);
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
