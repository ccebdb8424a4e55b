package io.jxengine.kube.state;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among engine replicas with a {@code coordination.k8s.io/v1} Lease (fabric8's
 * {@code LeaderElector} and {@code LeaseLock}): the replica holding the lease runs
 * {@code onStart}; when it cannot renew within the renew deadline it runs {@code onStop}; a
 * follower takes the lease once the holder has not renewed it for the lease duration (at once
 * when the holder releases it on {@link #close}). After losing, this replica stands again.
 *
 * <p>Threading: the callbacks run on fabric8's threads, one at a time per replica; they may
 * block (stopping consumption waits for the delivery being handled). {@link #close} releases the
 * lease; {@link #abandon} stops renewing without releasing, as a replica that died would.
 */
public final class KubeLeadership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubeLeadership.class);

  /**
   * The election's clock: a holder that has not renewed for {@code lease} loses it; the holder
   * gives up after failing to renew for {@code renewDeadline}; candidates retry every
   * {@code retryPeriod}. fabric8 requires lease > renewDeadline > 1.2 * retryPeriod.
   */
  public record Timing(Duration lease, Duration renewDeadline, Duration retryPeriod) {
    /** The usual proportions (Kubernetes controllers use 15 s, 10 s, 2 s). */
    public static Timing forLease(Duration lease) {
      return new Timing(lease, lease.multipliedBy(2).dividedBy(3), lease.dividedBy(7));
    }
  }

  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final Timing timing;
  private final Runnable onStart;
  private final Runnable onStop;
  private volatile boolean leader;
  private boolean closed;
  private LeaderElector elector;
  private CompletableFuture<?> election;

  public KubeLeadership(KubernetesClient client, String namespace, String leaseName,
      String identity, Timing timing, Runnable onStart, Runnable onStop) {
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.timing = timing;
    this.onStart = onStart;
    this.onStop = onStop;
  }

  /** Stands for election; returns at once. */
  public synchronized void start() {
    if (closed || election != null) {
      return;
    }
    stand();
  }

  private synchronized void stand() {
    if (closed) {
      return;
    }
    // Released by close() itself, so that abandon() can leave it held.
    elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
            .withName(leaseName)
            .withLock(new LeaseLock(namespace, leaseName, identity))
            .withLeaseDuration(timing.lease())
            .withRenewDeadline(timing.renewDeadline())
            .withRetryPeriod(timing.retryPeriod())
            .withReleaseOnCancel(false)
            .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped,
                holder -> LOG.info("leader of {} is now {}", leaseName, holder)))
            .build())
        .build();
    election = elector.start();
    // fabric8 ends the election when this replica loses the lease: stand again.
    election.whenComplete((result, error) -> {
      if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
        LOG.warn("leader election for {} ended: {}", leaseName, error.toString());
      }
      standAgain();
    });
  }

  private void standAgain() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    try {
      Thread.sleep(timing.retryPeriod().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    stand();
  }

  private void started() {
    leader = true;
    LOG.info("{} leads {}", identity, leaseName);
    onStart.run();
  }

  private void stopped() {
    if (leader) {
      leader = false;
      LOG.info("{} no longer leads {}", identity, leaseName);
      onStop.run();
    }
  }

  /** True while this replica holds the lease (as far as it knows). */
  public boolean isLeader() {
    return leader;
  }

  public String identity() {
    return identity;
  }

  /** Stops standing and releases the lease if held, so a follower takes over at once. */
  @Override
  public void close() {
    end(true);
  }

  /**
   * Stops renewing without releasing and without running {@code onStop}: as a replica that died
   * holding the lease, which followers take only when it expires. For failover tests.
   */
  public void abandon() {
    end(false);
  }

  private void end(boolean releaseLease) {
    CompletableFuture<?> running;
    LeaderElector current;
    synchronized (this) {
      closed = true;
      running = election;
      current = elector;
    }
    boolean wasLeader = leader;
    if (!releaseLease) {
      leader = false;
    }
    if (running != null) {
      running.cancel(true);
    }
    if (releaseLease) {
      stopped();
      if (wasLeader && current != null) {
        try {
          current.release();
        } catch (RuntimeException e) {
          LOG.warn("cannot release the lease {}: {}", leaseName, e.toString());
        }
      }
    }
  }
}
