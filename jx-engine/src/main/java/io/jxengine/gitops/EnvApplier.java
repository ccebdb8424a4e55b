package io.jxengine.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.kube.apply.ChartRenderException;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.ChartRepository;
import io.jxengine.kube.apply.KubeApplyException;
import io.jxengine.kube.apply.ObjectRef;
import io.jxengine.kube.apply.OwnerLabels;
import io.jxengine.kube.apply.ResourceApplier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies an environment repository checkout to its cluster: renders every application first
 * (charts with helm-java through {@link ChartRenderer}, manifests as written), and only when all
 * of them rendered, applies each one with server-side apply into the environment's namespace under
 * its own owner set {@code <env>-<app>} (pruning what that application no longer renders),
 * deletes the objects of applications removed from the repository, and records which version of
 * which application now runs there.
 *
 * <p>Nothing is applied when the repository has errors or any application fails to render.
 * Blocking; calls for the same environment must not overlap (the applier's contract).
 */
public final class EnvApplier {
  private final ResourceApplier applier;
  private final ChartRenderer renderer;
  private final ChartRepository charts;
  private final EnvironmentStore environments;
  private final Clock clock;

  /** Charts from chart repositories are cached in the system's temporary directory. */
  public EnvApplier(ResourceApplier applier, ChartRenderer renderer, EnvironmentStore environments, Clock clock) {
    this(applier, renderer, new ChartRepository(Path.of(System.getProperty("java.io.tmpdir"), "jxe-charts")),
        environments, clock);
  }

  /** @param charts fetches (and caches) the charts of applications with a {@code repository:} */
  public EnvApplier(ResourceApplier applier, ChartRenderer renderer, ChartRepository charts,
      EnvironmentStore environments, Clock clock) {
    this.applier = applier;
    this.renderer = renderer;
    this.charts = charts;
    this.environments = environments;
    this.clock = clock;
  }

  /**
   * What an apply did.
   *
   * @param diagnostics the repository's errors (nothing was applied when there are any)
   * @param applied the number of objects applied per application
   * @param removed the applications removed from the environment (their objects deleted)
   */
  public record Outcome(String environment, List<Diagnostic> diagnostics, Map<String, Integer> applied,
      List<ObjectRef> pruned, List<String> removed) {
    public boolean ok() {
      return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  /**
   * @param commitSha the checkout's commit, recorded with each deployment; may be null
   * @throws KubeApplyException when rendering or the API server fails (names the application)
   */
  public Outcome apply(Path checkout, String commitSha) {
    EnvRepo repo = EnvRepoReader.read(checkout);
    String envName = repo.settings() == null ? "?" : repo.settings().name();
    if (repo.hasErrors()) {
      return new Outcome(envName, repo.diagnostics(), Map.of(), List.of(), List.of());
    }
    String namespace = repo.settings().namespace();
    Map<AppSpec, List<HasMetadata>> rendered = new LinkedHashMap<>();
    for (AppSpec app : repo.apps()) {
      rendered.put(app, render(checkout, app, namespace));
    }
    Map<String, Integer> applied = new LinkedHashMap<>();
    List<ObjectRef> pruned = new ArrayList<>();
    for (Map.Entry<AppSpec, List<HasMetadata>> e : rendered.entrySet()) {
      AppSpec app = e.getKey();
      var result = applier.apply(e.getValue(), namespace, owner(envName, app.name()));
      applied.put(app.name(), result.applied().size());
      pruned.addAll(result.pruned());
      environments.recordDeployment(new Deployment(app.name(), envName, SemVer.normalize(app.version()),
          commitSha, clock.instant()));
    }
    Set<String> present = repo.apps().stream().map(AppSpec::name).collect(Collectors.toSet());
    List<String> removed = new ArrayList<>();
    for (Deployment d : environments.deployments()) {
      if (d.environment().equals(envName) && !present.contains(d.app())) {
        pruned.addAll(applier.deleteAll(namespace, owner(envName, d.app())));
        environments.removeDeployment(d.app(), envName);
        removed.add(d.app());
      }
    }
    return new Outcome(envName, List.of(), applied, pruned, removed);
  }

  private List<HasMetadata> render(Path checkout, AppSpec app, String namespace) {
    if (app.manifests()) {
      StringBuilder yaml = new StringBuilder();
      for (Manifests.Rendered r : Manifests.read(checkout, app, new Diagnostics())) {
        yaml.append("---\n").append(r.yaml());
      }
      return io.jxengine.kube.apply.Manifests.parse(yaml.toString());
    }
    Path chart;
    if (app.repository() != null) {
      try {
        chart = charts.fetch(app.repository(), app.chart(), SemVer.normalize(app.version()));
      } catch (ChartRenderException e) {
        throw new ChartRenderException("application " + app.name() + ": " + e.getMessage(), e);
      }
    } else {
      Path root = checkout.toAbsolutePath().normalize();
      chart = root.resolve(app.chart()).normalize();
      if (!chart.startsWith(root)) {
        throw new KubeApplyException("application " + app.name() + ": chart path " + app.chart()
            + " leaves the environment repository");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>(app.values());
    values.putIfAbsent("version", SemVer.normalize(app.version()));
    String yaml = renderer.render(new ChartRenderer.Request(chart, app.name(), namespace, values));
    return io.jxengine.kube.apply.Manifests.parse(yaml);
  }

  static OwnerLabels owner(String env, String app) {
    return OwnerLabels.of(env + "-" + app);
  }
}
