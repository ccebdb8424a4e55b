package io.jxengine.kube.state;

import io.jxengine.activity.ActivityStore;
import io.jxengine.server.ServerApp;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a server consume the shared queue only while it leads: every replica answers webhooks
 * and stores deliveries in the cluster, the leader alone handles them and runs builds. On
 * becoming leader it ends the runs a gone leader left unfinished ({@link
 * ActivityStore#recoverOrphans}), then starts consuming, and every {@code poll} schedules runs
 * that other replicas queued (a re-run asked through a follower's API). On losing the lease it
 * stops consuming.
 *
 * <p>Lifecycle: construct before {@link ServerApp#start} (it defers the server's consumption),
 * {@link #start} after it, {@link #close} before stopping the server. Thread-safe.
 */
public final class LeaderConsumption implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderConsumption.class);

  private final ServerApp server;
  private final ActivityStore activities;
  private final KubeLeadership leadership;
  private final Duration poll;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "jxe-leader-poll");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> polling;

  /** {@code election} builds the leadership from the callbacks this class gives it. */
  public LeaderConsumption(ServerApp server, ActivityStore activities, Duration poll,
      java.util.function.BiFunction<Runnable, Runnable, KubeLeadership> election) {
    this.server = server.deferConsumption();
    this.activities = activities;
    this.poll = poll;
    this.leadership = election.apply(this::lead, this::follow);
  }

  public void start() {
    leadership.start();
  }

  public KubeLeadership leadership() {
    return leadership;
  }

  private synchronized void lead() {
    try {
      int recovered = activities.recoverOrphans().size();
      if (recovered > 0) {
        LOG.info("ended {} builds a former leader left unfinished", recovered);
      }
      server.startConsuming();
      polling = timer.scheduleWithFixedDelay(this::schedulePending, poll.toMillis(),
          poll.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      // The store did not answer: the renewals will fail too, and the next leader tries again.
      LOG.error("cannot start consuming as leader: {}", e.toString());
    }
  }

  private synchronized void follow() {
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
    server.stopConsuming();
  }

  private void schedulePending() {
    try {
      if (server.isConsuming()) {
        server.scheduler().resumeQueued();
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot list queued runs: {}", e.toString());
    }
  }

  /** Stops standing, releasing the lease so a follower takes over at once. */
  @Override
  public void close() {
    leadership.close();
    follow();
    timer.shutdownNow();
  }
}
