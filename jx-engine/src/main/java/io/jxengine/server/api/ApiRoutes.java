package io.jxengine.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.LogLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's REST API under {@code /api}; every answer is JSON, every error {@code {"error":
 * "..."}} with its status (400 bad parameter, 401 no valid token, 404 unknown id, 409 already
 * ended, 403 not a submitter of an approval gate, 406 events without {@code Accept: text/event-stream}, 500 the engine failed). Reading needs no token; stopping and re-running need {@code
 * Authorization: Bearer <token>} (see {@link TokenVerifier}). Endpoints are listed in {@code
 * docs/api.md}.
 *
 * <p>Live updates of a run are Server-Sent Events ({@link LiveEvents}): they only flow from
 * server to browser, {@code EventSource} is built into every browser and reconnects by itself,
 * and one open response per watcher costs less than a long-poll request per update.
 */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final ApiContext api;

  private ApiRoutes(ApiContext api) {
    this.api = api;
  }

  /** Adds the API's routes to {@code app}; call before {@code app.start()}. */
  public static void register(Javalin app, ApiContext api) {
    ApiRoutes routes = new ApiRoutes(api);
    LiveEvents live = new LiveEvents(api);
    app.events(e -> e.serverStopping(live::close));
    app.get("/api/repositories", routes.wrap(routes::repositories));
    app.get("/api/activities", routes.wrap(routes::activities));
    app.get("/api/activities/{id}", routes.wrap(routes::activity));
    app.get("/api/activities/{id}/steps/{stepId}/logs", routes.wrap(routes::logs));
    app.get("/api/activities/{id}/tests", routes.wrap(routes::tests));
    // the SSE handler answers 200 before its body runs, so a bad id is refused here first
    app.before("/api/activities/{id}/events", ctx -> {
      try {
        routes.existing(Params.id(ctx, "id"));
        // Javalin's SSE handler answers nothing at all to any other Accept header
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
          throw new ApiError(406, "send `Accept: text/event-stream` to follow an activity");
        }
      } catch (ApiError e) {
        ApiJson.error(ctx, e.status(), e.getMessage());
        ctx.skipRemainingHandlers();
      }
    });
    app.sse("/api/activities/{id}/events", client ->
        live.follow(client, Long.parseLong(client.ctx().pathParam("id"))));
    app.post("/api/activities/{id}/stop", routes.wrap(routes::stop));
    app.post("/api/activities/{id}/rerun", routes.wrap(routes::rerun));
  }

  /**
   * Adds the routes of approval gates ({@link ApprovalRoutes}) as well; call before
   * {@code app.start()}.
   */
  public static void register(Javalin app, ApiContext api, io.jxengine.approval.ApprovalDesk desk) {
    register(app, api);
    ApprovalRoutes.register(app, api, desk);
  }

  interface ApiHandler {
    void handle(Context ctx) throws Exception;
  }

  /** Turns refusals and failures into JSON errors; a stack trace only goes to the server log. */
  static Handler wrap(ApiHandler handler) {
    return ctx -> {
      ctx.header("Cache-Control", "no-store");
      try {
        handler.handle(ctx);
      } catch (ApiError e) {
        if (e.status() == 401) {
          ctx.header("WWW-Authenticate", "Bearer");
        }
        ApiJson.error(ctx, e.status(), e.getMessage());
      } catch (NoSuchElementException e) {
        ApiJson.error(ctx, 404, "not found");
      } catch (Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ApiJson.error(ctx, 500, "the engine could not answer this request; see the server log");
      }
    };
  }

  private void repositories(Context ctx) {
    ApiJson.send(ctx, 200, api.repositories().list().stream().map(RepositoryView::of).toList());
  }

  private void activities(Context ctx) {
    String[] repo = Params.repo(ctx, "repo");
    ActivityFilter filter = new ActivityFilter(
        repo == null ? null : repo[0],
        repo == null ? null : repo[1],
        Params.text(ctx, "branch"),
        Params.status(ctx, "status"),
        Params.text(ctx, "source"),
        Params.limit(ctx));
    Instant now = Instant.now();
    ApiJson.send(ctx, 200, api.activities().list(filter).stream()
        .map(a -> ActivityView.of(a, api.runUrl(a.id()), now)).toList());
  }

  private void activity(Context ctx) {
    Activity a = existing(Params.id(ctx, "id"));
    ApiJson.send(ctx, 200, ActivityView.of(a, api.runUrl(a.id()), Instant.now()));
  }

  /**
   * Lines of one step's log from line {@code from}; {@code next} is where to continue and {@code
   * done} says no more lines will come. Done follows the activity, not the step: the engine
   * closes a step's log just after recording the step's end, but every log before the run's.
   */
  private void logs(Context ctx) throws Exception {
    Activity a = existing(Params.id(ctx, "id"));
    long stepId = Params.id(ctx, "stepId");
    StepRecord step = a.steps().stream().filter(s -> s.id() == stepId).findFirst()
        .orElseThrow(() -> ApiError.notFound("activity " + a.id() + " has no step " + stepId));
    int from = Params.count(ctx, "from", 0, Integer.MAX_VALUE - 1);
    boolean done = a.status().isTerminal();
    List<LogLine> lines = api.logs().read(a.id(), step.id(), from);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("activityId", a.id());
    body.put("stepId", step.id());
    body.put("from", from);
    body.put("next", from + lines.size());
    body.put("done", done);
    body.put("lines", lines);
    ApiJson.send(ctx, 200, body);
  }

  /**
   * The test results the activity recorded ({@code uses: junit}): totals and each report step's
   * failed cases; {@code totals} null and no reports when it recorded none.
   */
  private void tests(Context ctx) {
    Activity a = existing(Params.id(ctx, "id"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("activityId", a.id());
    api.activities().tests(a.id()).ifPresentOrElse(t -> {
      body.put("totals", t.totals());
      body.put("reports", t.reports());
    }, () -> {
      body.put("totals", null);
      body.put("reports", List.of());
    });
    ApiJson.send(ctx, 200, body);
  }

  private void stop(Context ctx) {
    requireToken(ctx);
    Activity a = existing(Params.id(ctx, "id"));
    if (a.status().isTerminal() || !api.runs().stop(a.id())) {
      throw new ApiError(409, "activity " + a.id() + " has already ended");
    }
    ApiJson.send(ctx, 202, Map.of("id", a.id(), "stopping", true));
  }

  private void rerun(Context ctx) {
    requireToken(ctx);
    Activity a = existing(Params.id(ctx, "id"));
    long newId = api.runs().rerun(a.id());
    ctx.header("Location", api.runUrl(newId));
    ApiJson.send(ctx, 201, Map.of("id", newId, "url", api.runUrl(newId)));
  }

  private Activity existing(long id) {
    return api.activities().get(id)
        .orElseThrow(() -> ApiError.notFound("no activity " + id));
  }

  private void requireToken(Context ctx) {
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())
        || !api.tokens().isValid(header.substring(prefix.length()).strip())) {
      throw ApiError.unauthorized();
    }
  }
}
