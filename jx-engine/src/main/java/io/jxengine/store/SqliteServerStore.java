package io.jxengine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StoreException;
import io.jxengine.engine.RunContext;
import io.jxengine.server.queue.Delivery;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.queue.GuardedDeliveryStore;
import io.jxengine.server.queue.NewDelivery;
import io.jxengine.server.repos.RepositoriesVersion;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.runs.RunQueue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's durable state in the activity store's SQLite file: webhook deliveries and the
 * queue of runs. It has its own connection (SQLite's WAL locks keep it apart from the activity
 * store's), so the webhook threads never wait behind a run's step updates in this JVM.
 *
 * <p>Threading: one connection, serialised by {@link StoreDb}; every method runs in its own transaction and
 * commits before returning. Errors are {@link StoreException}s naming the file.
 */
public final class SqliteServerStore implements GuardedDeliveryStore, RunQueue, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreDb db;
  private final Clock clock;

  private SqliteServerStore(StoreDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens (creating and migrating if needed) the store file. */
  public static SqliteServerStore open(Path dbFile) {
    return new SqliteServerStore(StoreFile.openAtLatest(dbFile).db(), Clock.systemUTC());
  }

  @Override
  public Stored store(NewDelivery d) {
    String headers = json(d.headers());
    // Grouped: two hundred webhooks at once share a few transactions instead of queueing for 200.
    return db.writeGrouped("store delivery " + d.deliveryId(), c -> insert(c, d, headers));
  }

  @Override
  public Optional<Stored> storeIfRepositoriesAt(NewDelivery d, long repositoriesVersion) {
    String headers = json(d.headers());
    return db.writeGrouped("store delivery " + d.deliveryId(), c -> {
      // In the delivery's own transaction: the repositories cannot change before the commit.
      if (RepositoriesVersion.read(c) != repositoriesVersion) {
        return Optional.empty();
      }
      return Optional.of(insert(c, d, headers));
    });
  }

  private Stored insert(Connection c, NewDelivery d, String headers) throws SQLException {
    Optional<Long> id = DeliveryTable.insertIfAbsent(c, d, headers, clock.instant());
    return id.isPresent()
        ? new Stored(id.get(), false)
        : new Stored(DeliveryTable.idOf(c, d.provider(), d.deliveryId()), true);
  }

  @Override
  public Path file() {
    return db.file();
  }

  @Override
  public Optional<Delivery> claimNext() {
    return db.write("claim a delivery", c -> {
      Optional<Delivery> next = DeliveryTable.oldestReceived(c);
      if (next.isEmpty()) {
        return next;
      }
      DeliveryTable.markProcessing(c, next.get().id());
      return DeliveryTable.byId(c, next.get().id());
    });
  }

  @Override
  public void finish(long id, DeliveryState state, String error, String note) {
    db.write("finish delivery " + id, c -> DeliveryTable.finish(c, id, state, error, note));
  }

  @Override
  public int requeueProcessing() {
    return db.write("requeue deliveries", DeliveryTable::requeueProcessing);
  }

  @Override
  public Optional<Delivery> getDelivery(long id) {
    return db.read("read delivery " + id, c -> DeliveryTable.byId(c, id));
  }

  @Override
  public Map<DeliveryState, Long> deliveriesByState() {
    return db.read("count deliveries", DeliveryTable::countByState);
  }

  @Override
  public Enqueued enqueue(QueuedRun run) {
    RunContext ctx = run.context();
    String contextJson = json(ctx);
    NewActivity activity =
        new NewActivity(
            ctx.owner(), ctx.repo(), ctx.branch(), run.pipelineName(), ctx.gitUrl(),
            ctx.commitSha(), ctx.commitMessage(), ctx.author(), ctx.pullTitle(), ctx.pullNumber(),
            ctx.baseSha(), ctx.version(), run.pipelineSource(), ctx.event(), 0, 0);
    return db.write("queue run " + run.triggerKey(), c -> {
      Optional<Long> existing = QueuedRunTable.activityOfTrigger(c, run.triggerKey());
      if (existing.isPresent()) {
        return new Enqueued(existing.get(), false);
      }
      long id = ActivityTable.insert(c, activity, clock.instant());
      QueuedRunTable.insert(c, id, run, contextJson);
      return new Enqueued(id, true);
    });
  }

  @Override
  public Optional<QueuedRun> spec(long activityId) {
    return db.read("read the queued run " + activityId,
        c -> QueuedRunTable.spec(c, activityId, SqliteServerStore::context));
  }

  @Override
  public List<Long> unclaimed() {
    return db.read("list queued runs", QueuedRunTable::unclaimed);
  }

  @Override
  public boolean claim(long activityId, long pid, long startMillis) {
    return db.write("claim activity " + activityId,
        c -> QueuedRunTable.claim(c, activityId, pid, startMillis) == 1);
  }

  @Override
  public boolean abortUnclaimed(long activityId, String message) {
    long now = clock.millis();
    return db.write("abort activity " + activityId,
        c -> QueuedRunTable.abortUnclaimed(c, activityId, message, now) == 1);
  }

  @Override
  public List<Long> unfinished(String owner, String repo, int pullNumber, String pipeline) {
    return db.read("list unfinished builds",
        c -> QueuedRunTable.unfinished(c, owner, repo, pullNumber, pipeline));
  }

  @Override
  public Map<Status, Long> activitiesByStatus() {
    return db.read("count activities", QueuedRunTable::countByStatus);
  }

  @Override
  public void ping() {
    db.read("answer a ping", c -> {
      try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
        return rs.next();
      }
    });
  }

  @Override
  public void close() {
    db.close();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static RunContext context(String json) {
    try {
      return JSON.readValue(json, new TypeReference<RunContext>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("a queued run's context is not readable: " + e.getMessage(), e);
    }
  }


}
