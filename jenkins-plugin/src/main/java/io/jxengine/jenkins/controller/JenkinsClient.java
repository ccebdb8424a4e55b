package io.jxengine.jenkins.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.jenkins.controller.JenkinsModel.Build;
import io.jxengine.jenkins.controller.JenkinsModel.ConsoleChunk;
import io.jxengine.jenkins.controller.JenkinsModel.Job;
import io.jxengine.jenkins.controller.JenkinsModel.QueueItem;
import io.jxengine.jenkins.controller.JenkinsModel.Stages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The remote API of one existing Jenkins controller: jobs (through folders), builds, stage data,
 * console text, triggering builds and following them through the queue. Every request asks for
 * only the fields it reads ({@code tree=}), so answers stay small on big controllers.
 *
 * <p>Errors are {@link JenkinsException}s with one-line messages. Thread-safe.
 */
public final class JenkinsClient {
  /** Deeper folder nesting than this is not followed (a loop, or a mistake). */
  static final int MAX_FOLDER_DEPTH = 10;
  static final int MAX_JOBS = 10_000;
  static final int MAX_CONSOLE_BYTES = 16 * 1024 * 1024;

  private static final String JOB_FIELDS = "name,color,jobs[name]";
  private static final String BUILD_FIELDS = "number,building,result,timestamp,duration,"
      + "displayName,actions[causes[userId,shortDescription],"
      + "lastBuiltRevision[SHA1,branch[name]],remoteUrls]";

  private final JenkinsHttp http;

  JenkinsClient(JenkinsHttp http) {
    this.http = http;
  }

  /** A client for {@code controller} with its API token (resolved from its secret by the caller). */
  public static JenkinsClient connect(Controller controller, String token, Duration timeout) {
    return new JenkinsClient(new JenkinsHttp(controller, token, timeout));
  }

  public Controller controller() {
    return http.controller();
  }

  /** Every job with builds, folders walked recursively, in the controller's order. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    walk("", null, 0, jobs);
    return jobs;
  }

  private void walk(String folder, String folderClass, int depth, List<Job> out) {
    String path = folder.isEmpty() ? "" : JobPath.of(folder);
    JsonNode answer = http.getJson(path + "api/json", Map.of("tree", "jobs[" + JOB_FIELDS + "]"));
    for (JsonNode j : answer.path("jobs")) {
      String name = j.path("name").asText("");
      String fullName = folder.isEmpty() ? name : folder + "/" + name;
      if (name.isEmpty() || out.size() >= MAX_JOBS) {
        continue;
      }
      String className = j.path("_class").asText("");
      // only item groups (folders, multibranch projects, organisations) have `jobs`
      if (j.has("jobs")) {
        if (depth + 1 < MAX_FOLDER_DEPTH) {
          walk(fullName, className, depth + 1, out);
        }
        continue;
      }
      String branchOf = folderClass != null && folderClass.endsWith("MultiBranchProject")
          ? folder : null;
      out.add(new Job(fullName, name, className, j.path("color").asText(""), branchOf));
    }
  }

  /** The numbers of a job's builds, newest first, at most {@code max}. */
  public List<Integer> buildNumbers(String job, int max) {
    JsonNode answer = http.getJson(JobPath.of(job) + "api/json",
        Map.of("tree", "builds[number]{0," + max + "}"));
    List<Integer> numbers = new ArrayList<>();
    for (JsonNode b : answer.path("builds")) {
      if (b.path("number").canConvertToInt() && numbers.size() < max) {
        numbers.add(b.path("number").asInt());
      }
    }
    return numbers;
  }

  public Build build(String job, int number) {
    return JenkinsJson.build(http.getJson(JobPath.build(job, number) + "api/json",
        Map.of("tree", BUILD_FIELDS)));
  }

  /** The build's stages from {@code wfapi/describe}; unavailable when the job has none. */
  public Stages stages(String job, int number) {
    try {
      return JenkinsJson.stages(http.getJson(JobPath.build(job, number) + "wfapi/describe",
          Map.of()));
    } catch (JenkinsException e) {
      if (e.notFound()) {
        return new Stages(false, List.of());
      }
      throw e;
    }
  }

  /** The whole console text of a build ({@code consoleText}); longer than 16 MiB is an error. */
  public String console(String job, int number) {
    return http.get(JobPath.build(job, number) + "consoleText", Map.of(), MAX_CONSOLE_BYTES)
        .body();
  }

  /**
   * Console text from byte offset {@code start}: {@code logText/progressiveText}, which answers
   * with the next offset in {@code X-Text-Size} and {@code X-More-Data: true} while the build
   * still writes.
   */
  public ConsoleChunk console(String job, int number, long start) {
    JenkinsHttp.Response r = http.get(JobPath.build(job, number) + "logText/progressiveText",
        Map.of("start", Long.toString(start)), MAX_CONSOLE_BYTES);
    long next = r.header("X-Text-Size").map(JenkinsClient::parseLong)
        .orElse(start + r.body().getBytes(StandardCharsets.UTF_8).length);
    boolean more = r.header("X-More-Data").map("true"::equalsIgnoreCase).orElse(false);
    return new ConsoleChunk(r.body(), Math.max(start, next), more);
  }

  /**
   * Queues a build: {@code build}, or {@code buildWithParameters} when there are parameters.
   * Returns the queue item's id (from the {@code Location} Jenkins answers with).
   */
  public long trigger(String job, Map<String, String> parameters) {
    String path = JobPath.of(job) + (parameters.isEmpty() ? "build" : "buildWithParameters");
    JenkinsHttp.Response r = http.post(path, parameters);
    String location = r.header("Location").orElse("");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/queue/item/(\\d+)/?$").matcher(location);
    if (!m.find()) {
      throw new JenkinsException("controller " + controller().name() + ": the build of " + job
          + " was accepted (" + r.status() + ") but no queue item came back", r.status());
    }
    return Long.parseLong(m.group(1));
  }

  public QueueItem queueItem(long id) {
    return JenkinsJson.queueItem(id, http.getJson("queue/item/" + id + "/api/json",
        Map.of("tree", "id,cancelled,why,executable[number]")));
  }

  /** The link back to a build on the controller. */
  public String buildUrl(String job, int number) {
    return controller().url().resolve(JobPath.build(job, number)).toString();
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
