package io.jxengine.jenkins.api;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.jenkins.api.JobConfig.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON shapes Jenkins answers {@code api/json} with, for jobs, builds and queue items, built
 * as maps so that {@link TreeFilter} can cut them. URLs are absolute, under {@code base} (the
 * API's root, ending in {@code /}). Stateless; thread-safe.
 */
final class JenkinsJson {
  /** How many folder levels a job list goes down when a {@code tree=} asks for nested jobs. */
  static final int MAX_FOLDER_LEVELS = 10;

  private final Supplier<String> baseUrl;
  private final JobStore jobs;
  private final JenkinsBuilds builds;

  /** @param baseUrl the API's root URL, asked for once the server listens */
  JenkinsJson(Supplier<String> baseUrl, JobStore jobs, JenkinsBuilds builds) {
    this.baseUrl = baseUrl;
    this.jobs = jobs;
    this.builds = builds;
  }

  String base() {
    return baseUrl.get();
  }

  String jobUrl(JobPath p) {
    return base() + p.urlPath();
  }

  String buildUrl(JobPath p, int number) {
    return jobUrl(p) + number + "/";
  }

  String queueUrl(long id) {
    return base() + "queue/item/" + id + "/";
  }

  /** Jenkins' result of a finished build, or null while it runs. */
  static String result(Status s) {
    return switch (s) {
      case Succeeded -> "SUCCESS";
      case Failed, Error, TimedOut -> "FAILURE";
      case Aborted, Cancelled -> "ABORTED";
      case NotExecuted -> "NOT_BUILT";
      default -> null;
    };
  }

  /** The jobs in a folder as Jenkins lists them: {@code _class, name, url, color}, and folders' jobs. */
  List<Object> jobList(JobPath folder, int levels) {
    List<Object> out = new ArrayList<>();
    for (JobPath child : jobs.children(folder)) {
      jobs.find(child).ifPresent(j -> out.add(summary(j, levels)));
    }
    return out;
  }

  private Map<String, Object> summary(JobStore.Job j, int levels) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", j.config().kind().jenkinsClass());
    m.put("name", j.path().name());
    m.put("url", jobUrl(j.path()));
    m.put("fullName", j.path().fullName());
    if (j.config().kind() == Kind.FOLDER) {
      if (levels > 0) {
        m.put("jobs", jobList(j.path(), levels - 1));
      }
    } else {
      m.put("color", color(j.config(), builds.builds(j.path())));
    }
    return m;
  }

  static String color(JobConfig c, List<Activity> history) {
    if (c.disabled()) {
      return "disabled";
    }
    Activity last = history.stream().filter(a -> a.status() != Status.Pending).findFirst()
        .orElse(null);
    if (last == null) {
      return "notbuilt";
    }
    boolean running = !last.status().isTerminal();
    Activity done = history.stream().filter(a -> a.status().isTerminal()).findFirst().orElse(null);
    String color = done == null ? "notbuilt" : switch (result(done.status())) {
      case "SUCCESS" -> "blue";
      case "ABORTED" -> "aborted";
      case "NOT_BUILT" -> "notbuilt";
      default -> "red";
    };
    return running ? color + "_anime" : color;
  }

  Map<String, Object> root(int maxRuns, boolean nested) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", "hudson.model.Hudson");
    m.put("assignedLabels", List.of(Map.of("name", "built-in")));
    m.put("mode", "NORMAL");
    m.put("nodeDescription", "jx-engine serving the Jenkins remote API");
    m.put("nodeName", "");
    m.put("numExecutors", maxRuns);
    m.put("description", null);
    m.put("jobs", jobList(JobPath.ROOT, nested ? MAX_FOLDER_LEVELS : 0));
    String base = base();
    Map<String, Object> view = Map.of("_class", "hudson.model.AllView", "name", "all", "url", base);
    m.put("primaryView", view);
    m.put("quietingDown", false);
    m.put("slaveAgentPort", -1);
    m.put("url", base);
    m.put("useCrumbs", true);
    m.put("useSecurity", true);
    m.put("views", List.of(view));
    return m;
  }

  Map<String, Object> job(JobStore.Job j, boolean nested) {
    JobConfig c = j.config();
    JobPath p = j.path();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", c.kind().jenkinsClass());
    m.put("actions", List.of());
    m.put("description", c.description());
    m.put("displayName", p.name());
    m.put("fullDisplayName", p.fullName().replace("/", " » "));
    m.put("fullName", p.fullName());
    m.put("name", p.name());
    m.put("url", jobUrl(p));
    if (c.kind() == Kind.FOLDER) {
      m.put("jobs", jobList(p, nested ? MAX_FOLDER_LEVELS : 0));
      m.put("primaryView", Map.of("_class", "hudson.model.AllView", "name", "All",
          "url", jobUrl(p)));
    } else {
      List<Activity> history = builds.builds(p);
      List<Activity> started = history.stream().filter(a -> a.status() != Status.Pending).toList();
      m.put("buildable", !c.disabled());
      m.put("builds", started.stream().map(a -> ref(p, c, a)).toList());
      m.put("color", color(c, history));
      m.put("disabled", c.disabled());
      m.put("firstBuild", started.isEmpty() ? null : ref(p, c, started.get(started.size() - 1)));
      m.put("inQueue", history.stream().anyMatch(a -> a.status() == Status.Pending));
      m.put("keepDependencies", false);
      m.put("lastBuild", started.isEmpty() ? null : ref(p, c, started.get(0)));
      m.put("lastCompletedBuild", last(p, c, started, null));
      m.put("lastFailedBuild", last(p, c, started, "FAILURE"));
      m.put("lastSuccessfulBuild", last(p, c, started, "SUCCESS"));
      m.put("nextBuildNumber", history.isEmpty() ? 1 : history.get(0).build() + 1);
      m.put("property", c.parameters().isEmpty() ? List.of() : List.of(Map.of(
          "_class", "hudson.model.ParametersDefinitionProperty",
          "parameterDefinitions", c.parameters().stream().map(JenkinsJson::parameter).toList())));
      m.put("queueItem", null);
      m.put("concurrentBuild", true);
    }
    m.put("jxeWarnings", c.warnings());
    return m;
  }

  private static Map<String, Object> parameter(JobConfig.Parameter p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", "hudson.model." + switch (p.type()) {
      case "boolean" -> "Boolean";
      case "choice" -> "Choice";
      case "text" -> "Text";
      case "password" -> "Password";
      default -> "String";
    } + "ParameterDefinition");
    m.put("defaultParameterValue", Map.of("name", p.name(),
        "value", p.type().equals("password") ? "" : p.defaultValue()));
    m.put("name", p.name());
    m.put("type", Character.toUpperCase(p.type().charAt(0)) + p.type().substring(1)
        + "ParameterDefinition");
    if (!p.choices().isEmpty()) {
      m.put("choices", p.choices());
    }
    return m;
  }

  private Map<String, Object> last(JobPath p, JobConfig c, List<Activity> started, String result) {
    return started.stream()
        .filter(a -> a.status().isTerminal()
            && (result == null || result.equals(result(a.status()))))
        .findFirst().map(a -> ref(p, c, a)).orElse(null);
  }

  private Map<String, Object> ref(JobPath p, JobConfig c, Activity a) {
    return Map.of("_class", c.kind().buildClass(), "number", a.build(),
        "url", buildUrl(p, a.build()));
  }

  Map<String, Object> build(JobPath p, JobConfig c, Activity a, Map<String, String> params) {
    Instant start = a.started();
    Instant end = a.completed();
    boolean building = !a.status().isTerminal();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", c.kind().buildClass());
    List<Object> parameterValues = new ArrayList<>();
    params.forEach((k, v) -> parameterValues.add(Map.of("_class",
        "hudson.model.StringParameterValue", "name", k, "value", v)));
    m.put("actions", parameterValues.isEmpty() ? List.of() : List.of(Map.of(
        "_class", "hudson.model.ParametersAction", "parameters", parameterValues)));
    m.put("artifacts", List.of());
    m.put("building", building);
    m.put("description", null);
    m.put("displayName", "#" + a.build());
    m.put("duration", start == null || end == null ? 0 : end.toEpochMilli() - start.toEpochMilli());
    m.put("estimatedDuration", -1);
    m.put("executor", null);
    m.put("fullDisplayName", p.fullName().replace("/", " » ") + " #" + a.build());
    m.put("id", Integer.toString(a.build()));
    m.put("inProgress", building);
    m.put("keepLog", false);
    m.put("number", a.build());
    m.put("queueId", a.id());
    m.put("result", result(a.status()));
    m.put("timestamp", start == null ? 0 : start.toEpochMilli());
    m.put("url", buildUrl(p, a.build()));
    m.put("changeSets", List.of());
    m.put("culprits", List.of());
    m.put("jxeActivity", a.id());
    m.put("jxeStatus", a.status().name());
    return m;
  }

  Map<String, Object> queueItem(JobPath p, JobConfig c, Activity a, Instant queuedAt) {
    boolean waiting = a.status() == Status.Pending;
    boolean cancelled = !waiting && a.started() == null;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_class", waiting ? "hudson.model.Queue$WaitingItem" : "hudson.model.Queue$LeftItem");
    m.put("actions", List.of());
    m.put("blocked", false);
    m.put("buildable", waiting);
    m.put("id", a.id());
    m.put("inQueueSince", queuedAt == null ? 0 : queuedAt.toEpochMilli());
    m.put("params", "");
    m.put("stuck", false);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("_class", c == null ? "hudson.model.FreeStyleProject" : c.kind().jenkinsClass());
    task.put("name", p.name());
    task.put("url", jobUrl(p));
    m.put("task", task);
    m.put("url", "queue/item/" + a.id() + "/");
    m.put("why", waiting ? "Waiting for next available executor" : null);
    m.put("cancelled", cancelled);
    m.put("executable", waiting || cancelled ? null : Map.of(
        "_class", c == null ? "hudson.model.FreeStyleBuild" : c.kind().buildClass(),
        "number", a.build(), "url", buildUrl(p, a.build())));
    return m;
  }
}
