package io.jxengine.jenkins.api;

import static io.jxengine.jenkins.api.JenkinsApiRoutes.json;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.map;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.ok;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.requirePost;

import io.javalin.http.Context;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.approval.ApprovalException;
import io.jxengine.approval.ApprovalRecord;
import io.jxengine.jenkins.api.JenkinsApiRoutes.Request;
import io.jxengine.logs.LogStore;
import io.jxengine.server.runs.RunQueue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds through the Jenkins API: {@code build} and {@code buildWithParameters} (201 with the
 * queue item in {@code Location}), the queue ({@code queue/api/json}, {@code
 * queue/item/<n>/api/json}, {@code queue/cancelItem}), and a build's {@code api/json}, {@code
 * consoleText}, {@code logText/progressiveText}, {@code stop}, by number or as {@code lastBuild},
 * {@code lastCompletedBuild}, {@code lastSuccessfulBuild}, {@code lastFailedBuild}; and a waiting
 * {@code input}'s {@code proceedEmpty} and {@code abort} (the engine's approval gates).
 * Thread-safe.
 */
final class BuildActions {
  private static final Map<String, Predicate<Activity>> ALIASES = Map.of(
      "lastBuild", a -> a.status() != Status.Pending,
      "lastCompletedBuild", a -> a.status().isTerminal(),
      "lastSuccessfulBuild", a -> a.status() == Status.Succeeded,
      "lastFailedBuild", a -> "FAILURE".equals(JenkinsJson.result(a.status())));
  /** Most parameters one build request may carry. */
  static final int MAX_PARAMETERS = 200;

  private final JobStore jobs;
  private final JenkinsBuilds builds;
  private final JenkinsJson views;
  private final RunQueue queue;
  private final LogStore logs;
  private final ApprovalDesk approvals;

  /** @param approvals decides approval gates ({@code input/<id>/proceedEmpty}), or null for none */
  BuildActions(JobStore jobs, JenkinsBuilds builds, JenkinsJson views, RunQueue queue,
      LogStore logs, ApprovalDesk approvals) {
    this.jobs = jobs;
    this.builds = builds;
    this.views = views;
    this.queue = queue;
    this.logs = logs;
    this.approvals = approvals;
  }

  boolean handle(Request r) {
    if (r.job().isRoot()) {
      return queuePages(r);
    }
    if (r.is("build") || r.is("buildWithParameters")) {
      requirePost(r);
      long id = builds.trigger(r.job(), parameters(r.ctx()), r.user());
      r.ctx().header("Location", views.queueUrl(id));
      ok(r.ctx(), 201);
      return true;
    }
    if (r.rest().isEmpty() || r.rest().size() > 4) {
      return false;
    }
    String which = r.rest().get(0);
    if (!which.matches("[0-9]{1,9}") && !ALIASES.containsKey(which)) {
      return false;
    }
    JobStore.Job job = jobs.get(r.job());
    Activity a = which.matches("[0-9]+")
        ? started(builds.build(r.job(), Integer.parseInt(which)))
        : builds.builds(r.job()).stream().filter(ALIASES.get(which)).findFirst()
            .orElseThrow(() -> JenkinsApiException.notFound(r.job() + " has no " + which));
    List<String> page = r.rest().subList(1, r.rest().size());
    Context ctx = r.ctx();
    if (page.isEmpty() || page.equals(List.of("api", "json"))) {
      json(r, views.build(r.job(), job.config(), a, parametersOf(a, job.config())));
    } else if (page.equals(List.of("consoleText"))) {
      ctx.contentType("text/plain;charset=utf-8").result(ConsoleText.of(a, logs));
    } else if (page.equals(List.of("logText", "progressiveText"))) {
      progressive(ctx, a);
    } else if (page.equals(List.of("stop"))) {
      requirePost(r);
      builds.stop(a);
      ok(ctx, 200);
    } else if (page.size() == 3 && page.get(0).equals("input") && approvals != null
        && (page.get(2).equals("proceedEmpty") || page.get(2).equals("abort"))) {
      requirePost(r);
      input(a, page.get(1), page.get(2).equals("proceedEmpty"), r.user());
      ok(ctx, 200);
    } else {
      return false;
    }
    return true;
  }

  /**
   * Jenkins' {@code input/<id>/proceedEmpty} and {@code input/<id>/abort}: decides the approval
   * gate whose step name is the input's id (case-insensitively: converted ids are lower case) as
   * the API user. 403 when the user is not a submitter, 404 when no such gate waits.
   */
  private void input(Activity a, String inputId, boolean approve, String user) {
    String step = approvals.waiting(a.id()).stream().map(ApprovalRecord::step)
        .filter(s -> s.equalsIgnoreCase(inputId)).findFirst()
        .orElseThrow(() -> JenkinsApiException.notFound(
            "build #" + a.build() + " has no input '" + inputId + "' waiting"));
    try {
      approvals.decide(a.id(), step, approve, user);
    } catch (ApprovalException e) {
      throw new JenkinsApiException(
          e.reason() == ApprovalException.Reason.FORBIDDEN ? 403 : 409, e.getMessage());
    }
  }

  /** A build not yet started is still a queue item in Jenkins: 404 as a build. */
  private static Activity started(Activity a) {
    if (a.status() == Status.Pending) {
      throw JenkinsApiException.notFound("build #" + a.build() + " has not started");
    }
    return a;
  }

  private void progressive(Context ctx, Activity a) {
    byte[] text = ConsoleText.of(a, logs);
    long start = 0;
    String s = ctx.queryParam("start");
    if (s != null) {
      try {
        start = Math.max(0, Long.parseLong(s.strip()));
      } catch (NumberFormatException e) {
        throw JenkinsApiException.badRequest("start must be a byte offset, not '" + s + "'");
      }
    }
    int from = (int) Math.min(start, text.length);
    ctx.header("X-Text-Size", Integer.toString(text.length));
    if (!a.status().isTerminal()) {
      ctx.header("X-More-Data", "true");
    }
    ctx.contentType("text/plain;charset=utf-8").result(Arrays.copyOfRange(text, from, text.length));
  }

  private boolean queuePages(Request r) {
    List<String> rest = r.rest();
    if (r.is("queue", "api", "json")) {
      List<Object> items = builds.pending().stream().<Object>map(this::item).toList();
      json(r, map("_class", "hudson.model.Queue", "discoverableItems", List.of(), "items", items));
    } else if (rest.size() == 5 && rest.get(0).equals("queue") && rest.get(1).equals("item")
        && rest.get(3).equals("api") && rest.get(4).equals("json")) {
      json(r, item(queueItem(rest.get(2))));
    } else if (r.is("queue", "cancelItem")) {
      requirePost(r);
      builds.stop(queueItem(r.ctx().queryParam("id")));
      // Jenkins answers a redirect to the queue; clients only look at the status
      ok(r.ctx(), 204);
    } else {
      return false;
    }
    return true;
  }

  private Activity queueItem(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      throw JenkinsApiException.notFound("no queue item " + id);
    }
    return builds.item(Long.parseLong(id))
        .orElseThrow(() -> JenkinsApiException.notFound("no queue item " + id));
  }

  private Map<String, Object> item(Activity a) {
    JobPath p = JenkinsBuilds.jobOf(a);
    JobConfig c = jobs.find(p).map(JobStore.Job::config).orElse(null);
    Map<String, Object> m = views.queueItem(p, c, a, null);
    m.put("url", "queue/item/" + a.id() + "/");
    return m;
  }

  /** Query and form parameters of a build request (the last value of each name wins). */
  private static Map<String, String> parameters(Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      ctx.formParamMap().forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
    }
    if (out.size() > MAX_PARAMETERS) {
      throw JenkinsApiException.badRequest("more than " + MAX_PARAMETERS + " parameters");
    }
    return out;
  }

  /** The declared parameters' values a build ran with, read back from its queued pipeline. */
  private Map<String, String> parametersOf(Activity a, JobConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    if (config.parameters().isEmpty()) {
      return out;
    }
    queue.spec(a.id()).ifPresent(spec -> {
      Object doc = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
          new org.yaml.snakeyaml.LoaderOptions())).load(spec.pipelineYaml());
      if (doc instanceof Map<?, ?> m && m.get("env") instanceof Map<?, ?> env) {
        for (JobConfig.Parameter p : config.parameters()) {
          if (env.containsKey(p.name()) && !p.type().equals("password")) {
            out.put(p.name(), String.valueOf(env.get(p.name())));
          }
        }
      }
    });
    return out;
  }
}
