package io.jxengine.preview;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.kube.apply.ApplyResult;
import io.jxengine.kube.apply.ChartRenderException;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.KubeApplyException;
import io.jxengine.kube.apply.Manifests;
import io.jxengine.kube.apply.OwnerLabels;
import io.jxengine.kube.apply.ResourceApplier;
import io.jxengine.kube.apply.RolloutWaiter;
import io.jxengine.parse.GoDuration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, updates and destroys preview environments.
 *
 * <p>Create renders the chart first (a chart that fails to render applies nothing), then applies
 * the namespace, its quota and limits, and the chart's objects under the owner labels of the
 * preview, records the {@link Preview} resource (before waiting, so a preview that never becomes
 * ready is still cleaned up), waits for the rollout, and keeps the pull-request comment up to
 * date. Comment failures are returned as notes, never thrown.
 *
 * <p>Thread-safe if the client is; two creates of the same preview must not overlap (the
 * pull-request pipeline cancels superseded builds).
 */
public final class PreviewService {
  private final KubernetesClient client;
  private final PreviewStore store;
  private final PreviewComments comments;
  private final Path defaultChart;
  private final Clock clock;
  private final RolloutWaiter rollouts;

  public PreviewService(KubernetesClient client, PreviewStore store, PreviewComments comments,
      Path defaultChart, Clock clock, RolloutWaiter rollouts) {
    this.client = client;
    this.store = store;
    this.comments = comments;
    this.defaultChart = defaultChart;
    this.clock = clock;
    this.rollouts = rollouts;
  }

  /** What a create made. @param notes comment problems and the like, for the step's log */
  public record Created(Preview preview, ApplyResult applied, List<String> notes) {
    public String url() {
      return preview.getSpec().getUrl();
    }
  }

  /**
   * Deploys this build of the pull request.
   *
   * @throws ChartRenderException the chart did not render (nothing applied; commented)
   * @throws KubeApplyException applying failed, or the rollout was not ready in time (commented;
   *     the preview is recorded and will be cleaned up)
   * @throws IllegalArgumentException the host pattern gives an invalid host
   */
  public Created create(PreviewRequest request) {
    String name = request.name();
    String host = request.host();
    List<String> notes = new ArrayList<>();
    Path chart = request.chart() == null ? defaultChart : request.chart();
    List<HasMetadata> objects;
    try {
      objects = Manifests.parse(new ChartRenderer().render(
          new ChartRenderer.Request(chart, name, name, values(request, name, host))));
    } catch (KubeApplyException e) {
      comment(request, PreviewComments.failed(name, e.getMessage()), notes);
      throw e;
    }
    OwnerLabels owner = OwnerLabels.of(name);
    ResourceApplier applier = new ResourceApplier(client);
    List<HasMetadata> all = new ArrayList<>();
    all.add(NamespaceGuards.namespace(name, owner.labels()));
    all.addAll(NamespaceGuards.guards(name, request.guards()));
    all.addAll(objects);
    ApplyResult applied;
    try {
      applied = applier.apply(all, name, owner);
    } catch (KubeApplyException e) {
      comment(request, PreviewComments.failed(name, e.getMessage()), notes);
      throw e;
    }
    PreviewRequest recorded = request.pullRequestUrl() != null ? request
        : request.withPullRequestUrl(comments.pullRequestUrl(request.repo(), request.pullRequest(),
            notes).orElse(null));
    Preview preview = record(recorded, name, urlOf(applied.applied()).orElse(null));
    try {
      if (!request.rolloutTimeout().isZero()) { // zero: do not wait (--timeout 0s)
        rollouts.await(applied.applied(), request.rolloutTimeout());
      }
    } catch (KubeApplyException e) {
      comment(request, PreviewComments.failed(name, e.getMessage()), notes);
      throw e;
    }
    Long id = comment(request, PreviewComments.ready(preview.getSpec()), notes);
    if (id != null && !id.equals(preview.getSpec().getCommentId())) {
      preview.getSpec().setCommentId(id);
      preview = store.save(preview);
    }
    return new Created(preview, applied, notes);
  }

  /**
   * Deletes the preview's namespace (and so everything in it) and its resource, and says why on
   * the pull request. Deleting a preview that is gone already is not an error.
   *
   * @return notes (comment problems), empty when all went well
   */
  public List<String> delete(String name, String reason) {
    List<String> notes = new ArrayList<>();
    Optional<Preview> found = store.get(name);
    String namespace = found.map(p -> p.getSpec().getNamespace()).orElse(name);
    try {
      client.namespaces().withName(namespace).delete();
    } catch (KubernetesClientException e) {
      throw new KubeApplyException("cannot delete namespace " + namespace + ": " + e.getMessage(),
          e);
    }
    store.delete(name);
    found.ifPresent(p -> {
      PreviewSpec s = p.getSpec();
      var result = comments.post(PreviewProviders.ref(s), s.getPullRequest(),
          PreviewComments.removed(namespace, reason));
      if (result.error() != null) {
        notes.add(result.error());
      }
    });
    return notes;
  }

  private Preview record(PreviewRequest request, String name, String url) {
    Preview preview = store.get(name).orElseGet(Preview::new);
    PreviewSpec s = preview.getSpec() == null ? new PreviewSpec() : preview.getSpec();
    String now = clock.instant().toString();
    if (s.getCreatedAt() == null) {
      s.setCreatedAt(now);
    }
    s.setUpdatedAt(now);
    s.setProvider(request.repo().provider().name().toLowerCase(java.util.Locale.ROOT));
    s.setOwner(request.repo().owner());
    s.setRepository(request.repo().name());
    s.setPullRequest(request.pullRequest());
    if (request.pullRequestUrl() != null) { // a provider that cannot answer keeps the known one
      s.setPullRequestUrl(request.pullRequestUrl());
    }
    s.setNamespace(name);
    s.setRelease(name);
    s.setImage(request.image());
    s.setVersion(request.version());
    s.setUrl(url);
    s.setTtl(GoDuration.format(request.ttl()));
    s.setMaxPerRepository(request.maxPerRepository());
    s.setDestroyCommand("jxe preview delete " + name
        + "  # or: kubectl delete namespace " + name + " && kubectl delete preview " + name);
    preview.setSpec(s);
    preview.getMetadata().setName(name);
    preview.getMetadata().setLabels(Map.of(
        OwnerLabels.MANAGED_BY, "jx-engine",
        "jx-engine.io/owner", io.jxengine.compile.tekton.KubeNames.labelValue(s.getOwner()),
        "jx-engine.io/repository",
        io.jxengine.compile.tekton.KubeNames.labelValue(s.getRepository())));
    return store.save(preview);
  }

  private Long comment(PreviewRequest request, String body, List<String> notes) {
    PreviewComments.Result r = comments.post(request.repo(), request.pullRequest(), body);
    if (r.error() != null) {
      notes.add(r.error());
    }
    return r.commentId();
  }

  /** The first Ingress rule's host; https when a TLS entry covers it. */
  static Optional<String> urlOf(List<HasMetadata> objects) {
    for (HasMetadata o : objects) {
      if (o instanceof Ingress ing && ing.getSpec() != null && ing.getSpec().getRules() != null) {
        for (var rule : ing.getSpec().getRules()) {
          if (rule.getHost() != null && !rule.getHost().isBlank()) {
            boolean tls = ing.getSpec().getTls() != null && ing.getSpec().getTls().stream()
                .map(IngressTLS::getHosts).filter(java.util.Objects::nonNull)
                .anyMatch(h -> h.contains(rule.getHost()));
            return Optional.of((tls ? "https://" : "http://") + rule.getHost());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> values(PreviewRequest r, String name, String host) {
    Map<String, Object> preview = new LinkedHashMap<>();
    preview.put("name", name);
    preview.put("namespace", name);
    preview.put("host", host);
    preview.put("pullRequest", r.pullRequest());
    preview.put("owner", r.repo().owner());
    preview.put("repository", r.repo().name());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("image", r.image());
    values.put("version", r.version() == null ? "" : r.version());
    values.put("app", PreviewNames.app(r.repo().name()));
    values.put("ingress", Map.of("host", host));
    values.put("preview", preview);
    return values;
  }
}
