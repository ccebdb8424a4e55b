package io.jxengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import io.jxengine.kube.crd.PipelineActivity;
import io.jxengine.kube.state.MockClusters;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.repos.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine replicas against one CRUD mock cluster: a Lease elects one; every replica stores the
 * deliveries it is sent in the cluster, only the leader handles them and runs builds; when the
 * leader stops, the other takes the lease and consumes what was queued meanwhile; nothing runs
 * twice. And a delivery stored before any consumer started survives to be consumed once.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path tmp;
  final MemoryRepositoryStore repositories = new MemoryRepositoryStore();
  final List<ClusterReplica> replicas = new ArrayList<>();
  Repository repo;
  RevCommit head;
  Path origin;

  @BeforeEach
  void setUp() throws Exception {
    MockClusters.installCrd(client);
    origin = tmp.resolve("origin");
    head = ServerHarness.commit(origin, "first");
    repo = repositories.save(new Repository(0, ProviderKind.GITHUB, "acme", "widget",
        origin.toUri().toString(), "https://api.github.com", null, "s3cret", "main", List.of(),
        null, null, null));
  }

  @AfterEach
  void tearDown() {
    replicas.forEach(ClusterReplica::close);
  }

  ClusterReplica replica(String name, boolean elect) throws Exception {
    ClusterReplica r = new ClusterReplica(name, server.createClient(), tmp, repositories,
        ServerWebhookIT.PIPELINE, elect);
    replicas.add(r);
    return r;
  }

  GitEvent push() {
    return new GitEvent.Push(new RepoRef(ProviderKind.GITHUB, "acme", "widget"),
        origin.toUri().toString(), "refs/heads/main", "main", null, ServerWebhookIT.ZEROS,
        head.getName(), true, false, "jane", "first", "Jane", null);
  }

  List<Activity> activities() {
    return replicas.get(replicas.size() - 1).activities.list(ActivityFilter.all());
  }

  void awaitSucceeded(int n) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(activities()).hasSize(n)
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(Status.Succeeded)));
  }

  String runnerOf(Activity a) {
    return client.resources(PipelineActivity.class).inNamespace(ClusterReplica.NS).list()
        .getItems().stream()
        .filter(r -> r.getSpec().getActivityId() == a.id())
        .map(r -> r.getMetadata().getAnnotations().get("jx-engine.io/runner"))
        .findFirst().orElseThrow();
  }

  static int readyz(ClusterReplica r) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(r.app.url() + "/readyz")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void onlyTheLeaderConsumesAndAFollowerTakesOverWhenItStops() throws Exception {
    ClusterReplica a = replica("pod-a", true);
    await().atMost(WAIT).until(a::isLeader);
    ClusterReplica b = replica("pod-b", true);

    // Deliveries reach the follower (the Service spreads webhooks over the replicas).
    assertThat(b.app.deliver(repo, "d-1", push())).isTrue();
    assertThat(b.app.deliver(repo, "d-2", push())).isTrue();
    assertThat(a.app.deliver(repo, "d-2", push())).isFalse();

    awaitSucceeded(2);
    assertThat(activities()).allSatisfy(x -> assertThat(runnerOf(x)).isEqualTo("pod-a"));
    assertThat(a.planner.calls.get()).isEqualTo(2);
    assertThat(b.planner.calls.get()).isZero();
    assertThat(b.isLeader()).isFalse();
    assertThat(b.app.isConsuming()).isFalse();
    // A follower is ready: the Service must keep sending it webhooks.
    assertThat(readyz(b)).isEqualTo(200);
    assertThat(readyz(a)).isEqualTo(200);

    a.close();
    replicas.remove(a);
    b.app.deliver(repo, "d-3", push());

    await().atMost(WAIT).until(b::isLeader);
    awaitSucceeded(3);
    assertThat(runnerOf(activities().get(0))).isEqualTo("pod-b");
    assertThat(b.planner.calls.get()).isEqualTo(1);
    assertThat(activities()).extracting(Activity::build).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(b.deliveries.deliveriesByState()).isEqualTo(Map.of(DeliveryState.done, 3L));
  }

  @Test
  void aDeliveryStoredWhileNoReplicaConsumesRunsOnceWhenALeaderStarts() throws Exception {
    ClusterReplica intake = replica("pod-intake", false);
    intake.app.deliver(repo, "d-early", push());
    // A replica had claimed it and died while handling it.
    ClusterReplica crashed = replica("pod-crashed", false);
    crashed.app.deliver(repo, "d-claimed", push());
    assertThat(crashed.deliveries.claimNext()).isPresent();
    assertThat(activities()).isEmpty();
    intake.close();
    crashed.close();
    replicas.clear();

    ClusterReplica leader = replica("pod-new", true);

    awaitSucceeded(2);
    assertThat(leader.planner.calls.get()).isEqualTo(2);
    assertThat(leader.deliveries.deliveriesByState()).isEqualTo(Map.of(DeliveryState.done, 2L));
  }
}
