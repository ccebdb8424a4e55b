package io.jxengine.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.jxengine.kube.state.KubeLeadership;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Leader failover time of {@code jxe server --kube} replicas ({@link KubeLeadership} on a
 * {@code coordination.k8s.io/v1} Lease, fabric8's CRUD mock API server on loopback): two
 * replicas stand, one leads; then the leader either crashes (stops renewing, keeps the lease) or
 * stops cleanly (releases it), and the time until the other starts leading is measured. Reported
 * as a ratio to the configured lease duration, the baseline the election promises: a crash is
 * taken over after about one lease duration (plus up to one retry period), a clean stop within
 * about one retry period. Usage: {@code FailoverBench [rounds] [leaseMillis...]}.
 */
public final class FailoverBench {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long[] leases = args.length > 1
        ? Arrays.stream(args).skip(1).mapToLong(Long::parseLong).toArray()
        : new long[] {2_000, 4_000};
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
        new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    try {
      System.out.println("leader failover (median of " + rounds
          + " rounds; ratio = failover time / configured lease duration):");
      for (long lease : leases) {
        KubeLeadership.Timing timing = KubeLeadership.Timing.forLease(Duration.ofMillis(lease));
        long[] crash = new long[rounds];
        long[] clean = new long[rounds];
        for (int i = 0; i < rounds; i++) {
          crash[i] = failover(server, timing, "crash-" + lease + "-" + i, false);
          clean[i] = failover(server, timing, "clean-" + lease + "-" + i, true);
        }
        report("crash (lease expires)", lease, timing, crash);
        report("clean stop (released)", lease, timing, clean);
      }
    } finally {
      server.destroy();
    }
  }

  private static long failover(KubernetesMockServer server, KubeLeadership.Timing timing,
      String lease, boolean release) throws Exception {
    try (KubernetesClient a = server.createClient(); KubernetesClient b = server.createClient()) {
      CompletableFuture<Void> aLeads = new CompletableFuture<>();
      CompletableFuture<Long> bLeadsAt = new CompletableFuture<>();
      KubeLeadership first = new KubeLeadership(a, "bench", lease, "a", timing,
          () -> aLeads.complete(null), () -> { });
      first.start();
      aLeads.get(60, TimeUnit.SECONDS);
      KubeLeadership second = new KubeLeadership(b, "bench", lease, "b", timing,
          () -> bLeadsAt.complete(System.nanoTime()), () -> { });
      second.start();
      // b is a follower now; wait one renewal so it has seen a's record.
      Thread.sleep(timing.retryPeriod().toMillis() * 2);
      if (bLeadsAt.isDone()) {
        throw new IllegalStateException("two leaders at once");
      }
      long t0 = System.nanoTime();
      if (release) {
        first.close();
      } else {
        first.abandon();
      }
      long failover = bLeadsAt.get(60, TimeUnit.SECONDS) - t0;
      second.close();
      return failover;
    }
  }

  private static void report(String what, long leaseMillis, KubeLeadership.Timing timing,
      long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2] / 1e6;
    System.out.printf("  lease %5d ms (retry %4d ms) %-22s failover %7.0f ms  ratio %.2f"
            + "  (min %.0f, max %.0f ms)%n",
        leaseMillis, timing.retryPeriod().toMillis(), what, median, median / leaseMillis,
        sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }
}
