package io.jxengine.server;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The server's Prometheus meters: queue depth, runs by status, webhook handling time, step
 * durations and deliveries by result. Thread-safe.
 */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Supplier<Map<Status, Long>> runsByStatus;
  private final Map<Status, AtomicLong> runs = new EnumMap<>(Status.class);
  private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
  private final Timer webhookTimer;

  /**
   * @param queueDepth runs queued and waiting for a slot
   * @param runsByStatus activities per status, read once per scrape (one query)
   */
  public ServerMetrics(IntSupplier queueDepth, Supplier<Map<Status, Long>> runsByStatus) {
    this.runsByStatus = runsByStatus;
    Gauge.builder("jxe_queue_depth", queueDepth, s -> s.getAsInt())
        .description("runs queued, waiting for a free slot")
        .register(registry);
    for (Status s : Status.values()) {
      AtomicLong value = new AtomicLong();
      runs.put(s, value);
      Gauge.builder("jxe_runs", value, AtomicLong::get)
          .description("activities in the store by status")
          .tag("status", s.name())
          .register(registry);
    }
    webhookTimer = Timer.builder("jxe_webhook_handling")
        .description("time to answer a webhook delivery (verify, store)")
        .register(registry);
    stepTimer(Status.Succeeded);
  }

  public Timer webhookTimer() {
    return webhookTimer;
  }

  /** Counts a delivery by what became of it: accepted, duplicate, ignored, rejected_401... */
  public void delivery(String result) {
    deliveries
        .computeIfAbsent(result, r -> Counter.builder("jxe_deliveries")
            .description("webhook deliveries by result")
            .tag("result", r)
            .register(registry))
        .increment();
  }

  /** A listener that times each step of one run, tagged by the step's final status. */
  public RunListener stepTimer() {
    Map<String, Long> startedNanos = new ConcurrentHashMap<>();
    return new RunListener() {
      @Override
      public void stage(String stage, Status status, String message) {}

      @Override
      public void step(String stage, String step, String phase, Status status, int attempt,
          Integer exitCode, String message) {
        String key = stage + "\u0000" + phase + "\u0000" + step;
        if (status == Status.Running) {
          startedNanos.put(key, System.nanoTime());
        } else if (status.isTerminal()) {
          Long started = startedNanos.remove(key);
          if (started != null) {
            stepTimer(status).record(Duration.ofNanos(System.nanoTime() - started));
          }
        }
      }

      @Override
      public void log(String stage, String step, String line) {}
    };
  }

  /** A new builder each time: builders are mutable and runs end on many threads. */
  private Timer stepTimer(Status status) {
    return Timer.builder("jxe_step_duration")
        .description("how long steps ran, by their final status")
        .tag("status", status.name())
        .register(registry);
  }

  /** The Prometheus text exposition, with run counts read now. */
  public String scrape() {
    Map<Status, Long> counts = runsByStatus.get();
    runs.forEach((s, v) -> v.set(counts.getOrDefault(s, 0L)));
    return registry.scrape();
  }
}
