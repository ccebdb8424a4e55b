package io.jxengine.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.jxengine.activity.Activity;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.approval.ApprovalException;
import io.jxengine.approval.ApprovalRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST routes of approval gates: {@code GET /api/activities/{id}/approvals} lists a run's
 * gates (no token), {@code POST /api/activities/{id}/approvals/{step}/approve} and {@code
 * .../reject} decide one as the bearer token's user. 401 without a valid token, 403 when the
 * token's user is not a submitter, 404 for an unknown activity, 409 when the gate no longer waits.
 * Nothing is recorded on a refusal. Thread-safe as the desk is.
 */
final class ApprovalRoutes {
  private final ApiContext api;
  private final ApprovalDesk desk;

  private ApprovalRoutes(ApiContext api, ApprovalDesk desk) {
    this.api = api;
    this.desk = desk;
  }

  static void register(Javalin app, ApiContext api, ApprovalDesk desk) {
    ApprovalRoutes routes = new ApprovalRoutes(api, desk);
    app.get("/api/activities/{id}/approvals", ApiRoutes.wrap(routes::list));
    app.post("/api/activities/{id}/approvals/{step}/approve",
        ApiRoutes.wrap(ctx -> routes.decide(ctx, true)));
    app.post("/api/activities/{id}/approvals/{step}/reject",
        ApiRoutes.wrap(ctx -> routes.decide(ctx, false)));
  }

  private void list(Context ctx) {
    Activity a = existing(Params.id(ctx, "id"));
    ApiJson.send(ctx, 200, desk.all(a.id()).stream().map(ApprovalRoutes::view).toList());
  }

  private void decide(Context ctx, boolean approve) {
    String user = user(ctx);
    Activity a = existing(Params.id(ctx, "id"));
    if (a.status().isTerminal()) {
      throw new ApiError(409, "activity " + a.id() + " has already ended");
    }
    try {
      ApprovalRecord gate = desk.decide(a.id(), ctx.pathParam("step"), approve, user);
      ApiJson.send(ctx, 200, view(gate));
    } catch (ApprovalException e) {
      throw new ApiError(switch (e.reason()) {
        case FORBIDDEN -> 403;
        case NOT_WAITING, AMBIGUOUS -> 409;
      }, e.getMessage());
    }
  }

  /** The JSON of one gate, as {@code docs/api.md} describes it. */
  static Map<String, Object> view(ApprovalRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("activityId", r.activityId());
    m.put("stage", r.stage());
    m.put("step", r.step());
    m.put("message", r.message());
    m.put("ok", r.ok());
    m.put("submitters", List.copyOf(r.submitters()));
    m.put("state", r.state().name());
    m.put("requested", r.requested() == null ? null : r.requested().toString());
    m.put("deadline", r.deadline() == null ? null : r.deadline().toString());
    m.put("decidedBy", r.decidedBy());
    m.put("decided", r.decided() == null ? null : r.decided().toString());
    return m;
  }

  private Activity existing(long id) {
    return api.activities().get(id).orElseThrow(() -> ApiError.notFound("no activity " + id));
  }

  private String user(Context ctx) {
    String header = ctx.header("Authorization");
    String prefix = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw ApiError.unauthorized();
    }
    return api.tokens().user(header.substring(prefix.length()).strip())
        .orElseThrow(ApiError::unauthorized);
  }
}
