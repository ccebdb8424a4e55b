package io.jxengine.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.Manifests;
import io.jxengine.kube.apply.RolloutWaiter;
import io.jxengine.preview.DefaultChart;
import io.jxengine.preview.Preview;
import io.jxengine.preview.PreviewComments;
import io.jxengine.preview.PreviewGc;
import io.jxengine.preview.PreviewRequest;
import io.jxengine.preview.PreviewService;
import io.jxengine.preview.PreviewSpec;
import io.jxengine.preview.PreviewStore;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Previews against fabric8's mock API server (CRUD mode, HTTPS on loopback), each figure against
 * a baseline measured in the same run on the same server:
 *
 * <ul>
 *   <li>creating a preview of a 20-object chart (helm render, namespace, quota and limits,
 *       server-side apply with fallback, prune, Preview resource, comment; no rollout wait)
 *       against creating the same 20 rendered objects with plain fabric8 {@code create()};
 *   <li>one garbage-collection pass over 500 previews (none evicted: every pull request open,
 *       asked of an in-memory provider) against listing the 500 Preview resources.
 * </ul>
 *
 * Usage: {@code PreviewBench <crd-file> [rounds]}. Medians in milliseconds.
 */
public final class PreviewBench {
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "bench");
  /** Held here: java.util.logging keeps loggers weakly, and would forget the level. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  public static void main(String[] args) throws Exception {
    Path crdFile = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    // The mock server logs every request through java.util.logging: that would be measured too.
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
        new HashMap<>(), new KubernetesCrudDispatcher(), true);
    server.init();
    try (NamespacedKubernetesClient client = server.createClient()) {
      try (InputStream in = Files.newInputStream(crdFile)) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
      Path chart = chart20();
      FakeGitProvider github = new FakeGitProvider();
      PreviewStore store = new PreviewStore(client, "jx");
      PreviewService service = new PreviewService(client, store,
          new PreviewComments(r -> Optional.of(github)), DefaultChart.path(), Clock.systemUTC(),
          new RolloutWaiter(client));
      List<HasMetadata> rendered = Manifests.parse(new ChartRenderer().render(
          new ChartRenderer.Request(chart, "base", "base", Map.of("image", "x:1"))));

      List<Double> create = new ArrayList<>();
      List<Double> plain = new ArrayList<>();
      for (int i = -3; i < rounds; i++) { // negative: warm-up
        int pr = github.openPullRequest(REPO, "b" + i + 10, "main", "t", "").number();
        long t0 = System.nanoTime();
        service.create(new PreviewRequest(REPO, pr, null, "x:" + pr, "1", chart, null, "b.test",
            Duration.ZERO, Duration.ofHours(72), 1000));
        long t1 = System.nanoTime();
        String ns = "plain-" + (i + 10);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
            .endMetadata().build()).create();
        for (HasMetadata o : Manifests.parse(new ChartRenderer().render(
            new ChartRenderer.Request(chart, ns, ns, Map.of("image", "x:1"))))) {
          o.getMetadata().setNamespace(ns);
          client.resource(o).create();
        }
        long t2 = System.nanoTime();
        if (i >= 0) {
          create.add((t1 - t0) / 1e6);
          plain.add((t2 - t1) / 1e6);
        }
      }
      System.out.println("preview benchmark (fabric8 CRUD mock over HTTPS), medians of " + rounds
          + " rounds, " + rendered.size() + "-object chart:");
      report("create a preview (no rollout wait)", create,
          "helm render + plain fabric8 create() of the same objects", plain);

      int made = store.list().size(); // the previews the create rounds left
      for (int i = made; i < 500; i++) {
        int pr = github.openPullRequest(REPO, "gc" + i, "main", "t", "").number();
        Preview p = new Preview();
        p.getMetadata().setName("jx-acme-bench-pr-" + pr);
        PreviewSpec s = new PreviewSpec();
        s.setProvider("github");
        s.setOwner("acme");
        s.setRepository("bench");
        s.setPullRequest(pr);
        s.setNamespace(p.getMetadata().getName());
        s.setUpdatedAt(Instant.now().toString());
        s.setTtl("72h");
        s.setMaxPerRepository(1000);
        p.setSpec(s);
        store.save(p);
      }
      PreviewGc gc = new PreviewGc(store, service, r -> Optional.of(github), Clock.systemUTC());
      List<Double> pass = new ArrayList<>();
      List<Double> list = new ArrayList<>();
      int count = 0;
      for (int i = -3; i < rounds; i++) {
        long t0 = System.nanoTime();
        int evicted = gc.run().size();
        long t1 = System.nanoTime();
        count = store.list().size();
        long t2 = System.nanoTime();
        if (evicted != 0) {
          throw new IllegalStateException("gc evicted " + evicted);
        }
        if (i >= 0) {
          pass.add((t1 - t0) / 1e6);
          list.add((t2 - t1) / 1e6);
        }
      }
      report("one GC pass over " + count + " previews", pass,
          "listing the " + count + " Preview resources", list);
    } finally {
      server.destroy();
    }
  }

  static void report(String what, List<Double> samples, String baseline, List<Double> base) {
    double m = Stats.of(samples).p50();
    double b = Stats.of(base).p50();
    System.out.printf("  %-45s %8.1f ms   baseline (%s) %8.1f ms   ratio %.2f%n", what, m,
        baseline, b, m / b);
  }

  /** A chart of 20 objects: 8 ConfigMaps, 4 Services, 4 Deployments, 4 Ingresses. */
  static Path chart20() throws Exception {
    Path dir = Files.createTempDirectory("bench-chart");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: bench\nversion: 1.0.0\n");
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      t.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
          .append("\ndata:\n  k: v\n");
    }
    for (int i = 0; i < 4; i++) {
      t.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-").append(i)
          .append("\nspec:\n  selector:\n    app: a").append(i).append("\n  ports:\n    - port: 80\n");
      t.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-").append(i)
          .append("\nspec:\n  selector:\n    matchLabels:\n      app: a").append(i)
          .append("\n  template:\n    metadata:\n      labels:\n        app: a").append(i)
          .append("\n    spec:\n      containers:\n        - name: c\n          image: {{ .Values.image | quote }}\n");
      t.append("---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing-")
          .append(i).append("\nspec:\n  rules:\n    - host: h").append(i)
          .append(".b.test\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n")
          .append("            backend:\n              service:\n                name: svc-").append(i)
          .append("\n                port:\n                  number: 80\n");
    }
    Files.writeString(dir.resolve("templates/all.yaml"), t.toString());
    return dir;
  }
}
