package io.jxengine.server.api;

import io.javalin.http.sse.SseClient;
import io.jxengine.activity.Activity;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.LogLine;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one activity to a browser as Server-Sent Events while it runs:
 *
 * <ul>
 *   <li>{@code activity} — the whole activity (as {@code GET /api/activities/{id}}) whenever a
 *       status, attempt or exit code changed, and once at the start;
 *   <li>{@code log} — {@code {"stepId", "from", "lines": [{"time", "text"}]}}: new lines of a step,
 *       {@code from} being the index of the first one, so a reconnected client drops what it has;
 *   <li>{@code end} — {@code {"status"}} once the activity has ended and every line was sent; the
 *       server then closes the stream and the client should not reconnect.
 * </ul>
 *
 * <p>Every follower is a small task on a shared timer that reads the store and the log files
 * every {@value #TICK_MILLIS} ms, so no request thread waits; the store and log store are the
 * only sources, which works the same whether the run is in this process or another. Thread-safe.
 */
final class LiveEvents implements AutoCloseable {
  static final long TICK_MILLIS = 200;
  private static final int HEARTBEAT_TICKS = 75;
  /** Ticks a finished step is still read, since its log is closed just after its end is stored. */
  private static final int SETTLE_TICKS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

  private final ApiContext api;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "jxe-live-events");
        t.setDaemon(true);
        return t;
      });

  LiveEvents(ApiContext api) {
    this.api = api;
  }

  void follow(SseClient client, long activityId) {
    client.keepAlive();
    Feed feed = new Feed(client, activityId);
    feed.future = timer.scheduleWithFixedDelay(feed::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    client.onClose(feed::stop);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private final class Feed {
    private final SseClient client;
    private final long activityId;
    private final Map<Long, Integer> sentLines = new HashMap<>();
    private final Map<Long, Integer> settled = new HashMap<>();
    private volatile ScheduledFuture<?> future;
    private String lastSignature;
    private int ticks;

    Feed(SseClient client, long activityId) {
      this.client = client;
      this.activityId = activityId;
    }

    void tick() {
      try {
        if (client.terminated()) {
          stop();
          return;
        }
        Optional<Activity> found = api.activities().get(activityId);
        if (found.isEmpty()) {
          finish("unknown");
          return;
        }
        Activity a = found.get();
        // read before the logs: once the run has ended every log is complete
        boolean over = a.status().isTerminal();
        String signature = signature(a);
        if (!signature.equals(lastSignature)) {
          lastSignature = signature;
          client.sendEvent("activity",
              ApiJson.write(ActivityView.of(a, api.runUrl(a.id()), Instant.now())));
        }
        for (StepRecord step : ActivityView.logSteps(a)) {
          sendNewLines(step, over);
        }
        if (over) {
          finish(a.status().name());
        } else if (++ticks % HEARTBEAT_TICKS == 0) {
          client.sendComment("keep-alive");
        }
      } catch (Exception e) {
        LOG.warn("live events of activity {} failed", activityId, e);
        stop();
        client.close();
      }
    }

    private void sendNewLines(StepRecord step, boolean over) throws java.io.IOException {
      int settledTicks = settled.getOrDefault(step.id(), 0);
      boolean started = step.started() != null || step.status().isTerminal();
      if ((!started && !over) || settledTicks >= SETTLE_TICKS && !over) {
        return;
      }
      int from = sentLines.getOrDefault(step.id(), 0);
      List<LogLine> lines = api.logs().read(activityId, step.id(), from);
      if (!lines.isEmpty()) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("stepId", step.id());
        event.put("from", from);
        event.put("lines", lines);
        client.sendEvent("log", ApiJson.write(event));
        sentLines.put(step.id(), from + lines.size());
      }
      if (step.status().isTerminal()) {
        settled.put(step.id(), settledTicks + 1);
      }
    }

    private void finish(String status) {
      stop();
      client.sendEvent("end", ApiJson.write(Map.of("status", status)));
      client.close();
    }

    void stop() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }

    private String signature(Activity a) {
      StringBuilder sb = new StringBuilder(a.status().name()).append('|').append(a.message());
      for (StepRecord s : a.steps()) {
        sb.append('|').append(s.id()).append(':').append(s.status()).append(':')
            .append(s.attempts()).append(':').append(s.exitCode());
      }
      return sb.toString();
    }
  }
}
