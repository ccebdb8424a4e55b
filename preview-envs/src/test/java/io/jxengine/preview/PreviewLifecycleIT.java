package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.kube.apply.ChartRenderException;
import io.jxengine.kube.apply.RolloutTimeoutException;
import io.jxengine.kube.apply.RolloutWaiter;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Previews against fabric8's mock API server in CRUD mode (the committed CRD installed) and the
 * in-memory git provider: create and update with one comment, destroy on close, garbage
 * collection (closed while stopped, TTL, per-repository maximum) and the bad inputs of issue 7.
 */
@EnableKubernetesMockClient(crud = true)
class PreviewLifecycleIT {
  static final String NS = "jx";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "widget");

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path tmp;

  final FakeGitProvider github = new FakeGitProvider();
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
  PreviewStore store;
  PreviewService service;
  FakeRollouts rollouts;

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream in = Files.newInputStream(PreviewCrdTest.committed())) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
    store = new PreviewStore(client, NS);
    service = new PreviewService(client, store, new PreviewComments(r -> Optional.of(github)),
        DefaultChart.path(), clock, new RolloutWaiter(client, Duration.ofMillis(20)));
  }

  @AfterEach
  void stopRollouts() throws Exception {
    if (rollouts != null) {
      rollouts.close();
    }
  }

  int openPullRequest(String head) {
    return github.openPullRequest(REPO, head, "main", "change " + head, "").number();
  }

  PreviewRequest request(int pr, String image) {
    return request(REPO, pr, image, null, Duration.ofHours(72), 5);
  }

  static PreviewRequest request(RepoRef repo, int pr, String image, Path chart, Duration ttl,
      int max) {
    return new PreviewRequest(repo, pr, null, image, "0.0." + pr, chart, null, "preview.test",
        Duration.ofSeconds(30), ttl, max);
  }

  @Test
  void createThenPushUpdatesTheSamePreviewAndCommentThenCloseDeletesIt() {
    rollouts = new FakeRollouts(client, true);
    int pr = openPullRequest("feature");
    String name = "jx-acme-widget-pr-" + pr;

    PreviewService.Created first = service.create(request(pr, "registry.test/widget:1"));

    assertThat(first.url()).isEqualTo("http://widget-pr-" + pr + ".preview.test");
    assertThat(first.notes()).isEmpty();
    assertThat(client.namespaces().withName(name).get()).isNotNull();
    assertThat(client.resources(ResourceQuota.class).inNamespace(name).list().getItems())
        .hasSize(1);
    assertThat(client.resources(LimitRange.class).inNamespace(name).list().getItems()).hasSize(1);
    assertThat(client.resources(Ingress.class).inNamespace(name).withName("widget").get()
        .getSpec().getRules().get(0).getHost()).isEqualTo("widget-pr-" + pr + ".preview.test");
    assertThat(client.apps().deployments().inNamespace(name).withName("widget").get().getSpec()
        .getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry.test/widget:1");
    PreviewSpec recorded = store.get(name).orElseThrow().getSpec();
    assertThat(recorded.getPullRequest()).isEqualTo(pr);
    assertThat(recorded.getImage()).isEqualTo("registry.test/widget:1");
    assertThat(recorded.getDestroyCommand()).contains("jxe preview delete " + name);
    // the pull request's page, asked of the provider when the step was not told
    assertThat(recorded.getPullRequestUrl())
        .isEqualTo(github.getPullRequest(REPO, pr).htmlUrl()).isNotBlank();
    List<CommentInfo> comments = github.comments(REPO, pr);
    assertThat(comments).singleElement()
        .satisfies(c -> assertThat(c.body()).contains(first.url(), "<!-- jxe:jxe-preview -->"));

    clock.advance(Duration.ofMinutes(10));
    PreviewService.Created second = service.create(request(pr, "registry.test/widget:2"));

    assertThat(second.preview().getMetadata().getName()).isEqualTo(name);
    PreviewSpec updated = store.get(name).orElseThrow().getSpec();
    assertThat(updated.getImage()).isEqualTo("registry.test/widget:2");
    assertThat(updated.getCreatedAt()).isEqualTo(recorded.getCreatedAt());
    assertThat(updated.getUpdatedAt()).isNotEqualTo(recorded.getUpdatedAt());
    assertThat(store.list()).hasSize(1);
    assertThat(github.comments(REPO, pr)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("registry.test/widget:2"));

    github.closePullRequest(REPO, pr);
    PreviewJanitor janitor = new PreviewJanitor(service, store,
        new PreviewGc(store, service, r -> Optional.of(github), clock));
    janitor.onEvent(PreviewServerIT.repository(REPO), PreviewServerIT.closed(REPO, pr));
    janitor.close(); // lets the queued deletion finish

    assertThat(store.list()).isEmpty();
    assertThat(client.namespaces().withName(name).get()).isNull();
    assertThat(github.comments(REPO, pr)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("removed", "closed"));
  }

  @Test
  void quotaAndLimitsFollowTheRequestAndAGivenPullRequestUrlIsKept() {
    rollouts = new FakeRollouts(client, true);
    int pr = openPullRequest("sized");
    String name = "jx-acme-widget-pr-" + pr;
    PreviewGuards sizes = PreviewGuards.parse("pods=5,limits.memory=2Gi", "quota",
        "memory=256Mi,request.cpu=50m", "limits");
    PreviewRequest r = new PreviewRequest(REPO, pr, "https://example.test/acme/widget/pull/9",
        "w:1", "1", null, null, "preview.test", Duration.ofSeconds(30), Duration.ofHours(1), 3,
        sizes);

    service.create(r);

    ResourceQuota quota = client.resources(ResourceQuota.class).inNamespace(name)
        .withName(NamespaceGuards.QUOTA).get();
    assertThat(quota.getSpec().getHard().get("pods").toString()).isEqualTo("5");
    assertThat(quota.getSpec().getHard().get("limits.memory").toString()).isEqualTo("2Gi");
    assertThat(quota.getSpec().getHard().get("requests.cpu").toString()).isEqualTo("2");
    var limit = client.resources(LimitRange.class).inNamespace(name)
        .withName(NamespaceGuards.LIMITS).get().getSpec().getLimits().get(0);
    assertThat(limit.getDefault().get("memory").toString()).isEqualTo("256Mi");
    assertThat(limit.getDefault().get("cpu").toString()).isEqualTo("500m");
    assertThat(limit.getDefaultRequest().get("cpu").toString()).isEqualTo("50m");
    assertThat(store.get(name).orElseThrow().getSpec().getPullRequestUrl())
        .isEqualTo("https://example.test/acme/widget/pull/9");
  }

  @Test
  void gcDeletesPreviewsWhosePullRequestClosedWhileTheEngineWasStopped() {
    rollouts = new FakeRollouts(client, true);
    int open = openPullRequest("a");
    int closed = openPullRequest("b");
    service.create(request(open, "w:1"));
    service.create(request(closed, "w:1"));
    github.closePullRequest(REPO, closed); // no event: the engine was down

    List<PreviewGc.Eviction> evicted =
        new PreviewGc(store, service, r -> Optional.of(github), clock).run();

    assertThat(evicted).extracting(PreviewGc.Eviction::name, PreviewGc.Eviction::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "jx-acme-widget-pr-" + closed, "the pull request was closed"));
    assertThat(store.list()).extracting(p -> p.getSpec().getPullRequest()).containsExactly(open);
    assertThat(client.namespaces().withName("jx-acme-widget-pr-" + closed).get()).isNull();
    assertThat(github.comments(REPO, closed)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("removed", "closed"));
  }

  @Test
  void gcDeletesPreviewsIdlePastTheirTtlAndTheOldestBeyondTheMaximum() {
    rollouts = new FakeRollouts(client, true);
    int idle = openPullRequest("idle");
    service.create(request(REPO, idle, "w:1", null, Duration.ofHours(1), 5));
    clock.advance(Duration.ofMinutes(30));
    int[] prs = {openPullRequest("x"), openPullRequest("y"), openPullRequest("z")};
    for (int pr : prs) {
      clock.advance(Duration.ofMinutes(1));
      service.create(request(REPO, pr, "w:1", null, Duration.ofHours(72), 2));
    }
    clock.advance(Duration.ofMinutes(40)); // the first is now idle for 73 minutes: past its hour

    List<PreviewGc.Eviction> evicted =
        new PreviewGc(store, service, r -> Optional.of(github), clock).run();

    assertThat(evicted).extracting(PreviewGc.Eviction::name).containsExactlyInAnyOrder(
        "jx-acme-widget-pr-" + idle, "jx-acme-widget-pr-" + prs[0]);
    assertThat(evicted).filteredOn(e -> e.name().endsWith("-pr-" + idle)).singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("time to live"));
    assertThat(evicted).filteredOn(e -> e.name().endsWith("-pr-" + prs[0])).singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("more than 2 previews"));
    assertThat(store.list()).extracting(p -> p.getSpec().getPullRequest())
        .containsExactlyInAnyOrder(prs[1], prs[2]);
    assertThat(github.comments(REPO, prs[0])).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("more than 2 previews"));
  }

  @Test
  void aChartThatFailsToRenderAppliesNothingAndIsCommented() throws Exception {
    int pr = openPullRequest("broken");
    Path chart = Files.createDirectories(tmp.resolve("chart/templates"));
    Files.writeString(tmp.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n");
    Files.writeString(chart.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.nope.deeper }}\n");

    assertThatThrownBy(() -> service.create(
            request(REPO, pr, "w:1", tmp.resolve("chart"), Duration.ofHours(1), 5)))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("nil pointer");

    assertThat(client.namespaces().withName("jx-acme-widget-pr-" + pr).get()).isNull();
    assertThat(store.list()).isEmpty();
    assertThat(github.comments(REPO, pr)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("could not be deployed", "nil pointer"));
  }

  @Test
  void aRolloutThatNeverBecomesReadyTimesOutWithTheReasonAndIsStillCleanedUp() {
    rollouts = new FakeRollouts(client, false);
    int pr = openPullRequest("slow");
    PreviewRequest r = new PreviewRequest(REPO, pr, null, "w:1", "1", null, null, "preview.test",
        Duration.ofMillis(300), Duration.ofHours(1), 5);

    assertThatThrownBy(() -> service.create(r))
        .isInstanceOfSatisfying(RolloutTimeoutException.class, e -> assertThat(e.notReady())
            .containsExactly("deployment widget: 0/1 replicas available, 1 updated"));

    assertThat(store.get("jx-acme-widget-pr-" + pr)).isPresent();
    assertThat(github.comments(REPO, pr)).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("0/1 replicas available"));
  }

  @Test
  void providerErrorsWhileCommentingLeaveAWorkingPreviewAndAVisibleNote() {
    rollouts = new FakeRollouts(client, true);
    int pr = openPullRequest("flaky");
    github.failAlways(FakeGitProvider.Operation.UPSERT_COMMENT, 502);

    PreviewService.Created created = service.create(request(pr, "w:1"));

    assertThat(created.url()).isEqualTo("http://widget-pr-" + pr + ".preview.test");
    assertThat(created.notes()).singleElement()
        .satisfies(n -> assertThat(n).contains("cannot comment on acme/widget#" + pr));
    assertThat(store.get(created.preview().getMetadata().getName())).isPresent();
  }
}
