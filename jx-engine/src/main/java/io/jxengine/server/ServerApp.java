package io.jxengine.server;

import io.jxengine.server.queue.GitEventCodec;

import io.javalin.Javalin;
import io.jxengine.server.http.WebhookRoutes;
import io.jxengine.server.queue.DeliveryWorker;
import io.jxengine.server.runs.RunScheduler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine server: HTTP (webhooks, operations, and the routes other parts register), the
 * delivery worker and the run scheduler, wired together.
 *
 * <p>Lifecycle: construct, {@link #addRoutes} as needed, {@link #start} once, {@link #stop} once
 * (also through {@link #close}). Start first puts deliveries an earlier server left half-handled
 * back in the queue and schedules the runs it left queued, so nothing is lost or run twice.
 * Thread-safe after start.
 */
public final class ServerApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerApp.class);

  /** Adds routes (the REST API, the UI) to the server's Javalin before it starts. */
  @FunctionalInterface
  public interface RouteRegistrar {
    void register(Javalin app, ServerApp server);
  }

  private final ServerConfig config;
  private final ServerParts parts;
  private final ServerMetrics metrics;
  private final RunScheduler scheduler;
  private final DeliveryWorker worker;
  private final Javalin javalin;
  private final List<RouteRegistrar> registrars = new ArrayList<>();
  private boolean started;
  private boolean consumeOnStart = true;
  /** Volatile: readiness reads it while a leadership change holds the lock. */
  private volatile boolean consuming;

  public ServerApp(ServerConfig config, ServerParts parts) {
    this.config = config;
    this.parts = parts;
    this.scheduler =
        new RunScheduler(
            parts.queue(), parts.activities(), parts.runService(), parts.loader(),
            parts.repositories(), parts.providers(), this::url, config.maxRuns(),
            id -> metrics().stepTimer());
    this.metrics = new ServerMetrics(scheduler::waiting, parts.queue()::activitiesByStatus);
    this.worker =
        new DeliveryWorker(
            parts.deliveries(), parts.repositories(), parts.planner(), scheduler,
            parts.providers(), config.workerThreads());
    this.javalin = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.jetty.defaultHost = config.bind();
      c.jetty.defaultPort = config.port();
    });
    new WebhookRoutes(parts.repositories(), parts.deliveries(), worker::wake, metrics)
        .register(javalin);
    new OperationsRoutes(this).register(javalin);
  }

  /** Adds routes before {@link #start}. */
  public synchronized ServerApp addRoutes(RouteRegistrar registrar) {
    if (started) {
      throw new IllegalStateException("routes are added before the server starts");
    }
    registrars.add(registrar);
    return this;
  }

  /**
   * Before {@link #start}: the server answers webhooks and stores deliveries, but handles them
   * and runs builds only between {@link #startConsuming} and {@link #stopConsuming}, as a replica
   * that must first win the leader election.
   */
  public synchronized ServerApp deferConsumption() {
    if (started) {
      throw new IllegalStateException("consumption is deferred before the server starts");
    }
    consumeOnStart = false;
    return this;
  }

  public synchronized ServerApp start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    registrars.forEach(r -> r.register(javalin, this));
    javalin.start(config.bind(), config.port());
    LOG.info("jxe server on {}", url());
    if (consumeOnStart) {
      startConsuming();
    }
    return this;
  }

  /**
   * Starts handling deliveries and running queued builds: first puts deliveries an earlier
   * consumer left half-handled back in the queue and schedules the runs it left queued. No-op
   * when not started or already consuming.
   */
  public synchronized void startConsuming() {
    if (!started || consuming) {
      return;
    }
    consuming = true;
    int requeued = parts.deliveries().requeueProcessing();
    int resumed = scheduler.resume();
    worker.start();
    LOG.info("consuming the queue ({} deliveries and {} runs resumed)", requeued, resumed);
  }

  /**
   * Stops handling deliveries (the one being handled finishes) and stops this server's running
   * builds (they end Aborted); queued ones stay queued for whoever consumes next. Webhooks are
   * still answered and stored.
   */
  public synchronized void stopConsuming() {
    if (!consuming) {
      return;
    }
    consuming = false;
    worker.close();
    scheduler.pause("this engine replica stopped consuming the queue");
    LOG.info("stopped consuming the queue");
  }

  /** True between {@link #startConsuming} and {@link #stopConsuming}. */
  public boolean isConsuming() {
    return consuming;
  }

  /** Stops accepting requests, lets handled deliveries finish, stops running builds. */
  public synchronized void stop() {
    if (!started) {
      return;
    }
    started = false;
    consuming = false;
    javalin.stop();
    worker.close();
    scheduler.close();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Stores an event the engine found itself (polling, cron) as a delivery, exactly like a webhook:
   * the same id twice is one delivery. Returns true when it was new.
   */
  public boolean deliver(
      io.jxengine.server.repos.Repository repo, String deliveryId,
      io.jxengine.scm.GitEvent event) {
    boolean fresh =
        !parts.deliveries()
            .store(new io.jxengine.server.queue.NewDelivery(
                repo.provider(), deliveryId, GitEventCodec.kind(event), java.util.Map.of(),
                new byte[0], repo.id(), GitEventCodec.kind(event), GitEventCodec.encode(event)))
            .duplicate();
    worker.wake();
    return fresh;
  }

  /** The port it listens on (the actual one when configured with 0). */
  public int port() {
    return javalin.port();
  }

  /** The base URL for links (commit statuses, the UI). */
  public String url() {
    if (config.publicUrl() != null) {
      return config.publicUrl();
    }
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return "http://" + host + ":" + (started ? port() : config.port());
  }

  public RunControl runControl() {
    return scheduler;
  }

  public RunScheduler scheduler() {
    return scheduler;
  }

  public ServerParts parts() {
    return parts;
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  /**
   * True when the delivery worker runs, or was configured with no threads, or this server does
   * not consume now (a follower replica is ready: it answers webhooks).
   */
  boolean workerAlive() {
    return config.workerThreads() == 0 || !consuming || worker.isAlive();
  }
}
