package io.jxengine.jenkins.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jenkins remote API under {@code /jenkins/}: authentication, the {@code X-Jenkins} header
 * and the walk down {@code job/<a>/job/<b>/...} to the job an action is about; the actions are in
 * {@link JobActions} and {@link BuildActions}. Every request needs a user's API token (HTTP
 * basic): 401 otherwise. A client's mistake is answered with its status and a one-line reason
 * (400 bad name or XML, 404, 405, 409 disabled, 413 too large); a failure of the engine is a 500
 * whose details go to the server log only.
 *
 * <p>Thread-safe: it holds no per-request state.
 */
public final class JenkinsApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(JenkinsApiRoutes.class);
  /** Where the API is mounted on the engine server. */
  public static final String PREFIX = "/jenkins";
  /** The Jenkins version reported; clients only check that the header is there. */
  public static final String VERSION = "2.462.3";
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request, after authentication and the job walk. */
  record Request(Context ctx, String user, JobPath job, List<String> rest) {
    boolean is(String... path) {
      return rest.equals(List.of(path));
    }

    String method() {
      return ctx.method().name();
    }
  }

  private final JenkinsUsers users;
  private final Crumbs crumbs;
  private final JobActions jobActions;
  private final BuildActions buildActions;

  JenkinsApiRoutes(JenkinsUsers users, Crumbs crumbs, JobActions jobActions,
      BuildActions buildActions) {
    this.users = users;
    this.crumbs = crumbs;
    this.jobActions = jobActions;
    this.buildActions = buildActions;
  }

  /** Adds the API's routes to {@code app}, before it starts. */
  public void register(Javalin app) {
    for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.DELETE)) {
      app.addHttpHandler(method, PREFIX, this::handle);
      app.addHttpHandler(method, PREFIX + "/*", this::handle);
    }
  }

  private void handle(Context ctx) {
    ctx.header("X-Jenkins", VERSION);
    ctx.header("Cache-Control", "no-store");
    try {
      if (ctx.method() == HandlerType.GET && isRootPage(ctx.path())) {
        // python-jenkins' get_version() asks before it authenticates; the page tells nothing else
        ctx.contentType("text/plain; charset=utf-8")
            .result("jx-engine: the Jenkins remote API (see docs/jenkins-api.md)\n");
        return;
      }
      String user = authenticate(ctx);
      if (!ctx.method().name().equals("GET")) {
        String crumb = ctx.header(Crumbs.FIELD);
        // API-token requests need no crumb (as in Jenkins 2.96+); one that is sent must be right,
        // and of this session (Jenkins 2.176.2+)
        if (crumb != null && !crumbs.valid(ctx, user, crumb)) {
          throw new JenkinsApiException(403, "No valid crumb was included in the request");
        }
      }
      Request r = walk(ctx, user);
      if (!jobActions.handle(r) && !buildActions.handle(r)) {
        throw JenkinsApiException.notFound("no such page: " + ctx.path());
      }
    } catch (JenkinsApiException e) {
      if (e.status() == 401) {
        ctx.header("WWW-Authenticate", "Basic realm=\"Jenkins\"");
      }
      if (e.status() == 413) {
        ctx.header("Connection", "close"); // the rest of the body stays unread
      }
      ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
    } catch (RuntimeException e) {
      LOG.error("Jenkins API: {} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(500).contentType("text/plain; charset=utf-8")
          .result("the engine could not answer this request; see the server log\n");
    }
  }

  private static boolean isRootPage(String path) {
    return path.equals(PREFIX) || path.equals(PREFIX + "/");
  }

  private String authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
            StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          Optional<String> user =
              users.authenticate(pair.substring(0, colon), pair.substring(colon + 1));
          if (user.isPresent()) {
            return user.get();
          }
        }
      } catch (IllegalArgumentException badBase64) {
        // answered as any other wrong credential
      }
    }
    throw new JenkinsApiException(401, "a user name and API token are required (HTTP basic)");
  }

  /** Consumes {@code job/<name>} pairs; the rest of the path is the action. */
  private static Request walk(Context ctx, String user) {
    String path = ctx.path();
    List<String> segments = UrlSegments.split(path.substring(Math.min(PREFIX.length(), path.length())));
    JobPath job = JobPath.ROOT;
    int i = 0;
    while (i + 1 < segments.size() && segments.get(i).equals("job")) {
      job = job.child(segments.get(i + 1));
      i += 2;
    }
    return new Request(ctx, user, job, List.copyOf(segments.subList(i, segments.size())));
  }

  /** Answers JSON, cut by {@code tree=} when the request has one. */
  static void json(Request r, Object value) {
    String tree = r.ctx().queryParam("tree");
    Object out = tree == null || tree.isBlank() ? value : TreeFilter.parse(tree).apply(value);
    try {
      r.ctx().status(200).contentType("application/json;charset=utf-8")
          .result(MAPPER.writeValueAsString(out));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static void requirePost(Request r) {
    if (!r.method().equals("POST")) {
      throw new JenkinsApiException(405, r.ctx().path() + " needs POST");
    }
  }

  static void ok(Context ctx, int status) {
    // python-jenkins refuses an answer with neither a length nor a body
    ctx.status(status).header("Content-Length", "0").result("");
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
