package io.jxengine.jenkins.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.jenkins.controller.JenkinsModel.Build;
import io.jxengine.jenkins.controller.JenkinsModel.QueueItem;
import io.jxengine.jenkins.controller.JenkinsModel.Stage;
import io.jxengine.jenkins.controller.JenkinsModel.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON shapes of Jenkins' remote API ({@code api/json} of builds and queue items) and
 * of pipeline-stage-view ({@code wfapi/describe}). Missing fields read as absent, never as
 * errors: what Jenkins shows depends on its plugins.
 */
final class JenkinsJson {
  private JenkinsJson() {}

  static Build build(JsonNode n) {
    String causeUser = null;
    String causeClass = null;
    String sha = null;
    String branch = null;
    String gitUrl = null;
    for (JsonNode action : n.path("actions")) {
      for (JsonNode cause : action.path("causes")) {
        if (causeClass == null) {
          causeClass = text(cause, "_class");
          causeUser = text(cause, "userId");
        }
      }
      JsonNode revision = action.path("lastBuiltRevision");
      if (sha == null && revision.isObject()) {
        sha = text(revision, "SHA1");
        JsonNode first = revision.path("branch").path(0);
        branch = first.isObject() ? shortBranch(text(first, "name")) : null;
        JsonNode remotes = action.path("remoteUrls");
        gitUrl = remotes.isArray() && !remotes.isEmpty() ? remotes.get(0).asText() : null;
      }
    }
    long timestamp = n.path("timestamp").asLong(0);
    return new Build(
        n.path("number").asInt(0),
        n.path("building").asBoolean(false),
        text(n, "result"),
        timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null,
        n.path("duration").asLong(0),
        text(n, "displayName"),
        causeUser, causeClass, sha, branch, gitUrl);
  }

  static Stages stages(JsonNode n) {
    List<Stage> stages = new ArrayList<>();
    for (JsonNode s : n.path("stages")) {
      long start = s.path("startTimeMillis").asLong(0);
      stages.add(new Stage(text(s, "id"), s.path("name").asText("stage"),
          s.path("status").asText("NOT_EXECUTED"),
          start > 0 ? Instant.ofEpochMilli(start) : null, s.path("durationMillis").asLong(0)));
    }
    return new Stages(true, stages);
  }

  static QueueItem queueItem(long id, JsonNode n) {
    JsonNode executable = n.path("executable");
    Integer number = executable.path("number").canConvertToInt()
        ? executable.path("number").asInt() : null;
    return new QueueItem(id, n.path("cancelled").asBoolean(false), text(n, "why"), number);
  }

  /** {@code refs/remotes/origin/main} and {@code origin/main} are the branch {@code main}. */
  static String shortBranch(String name) {
    if (name == null) {
      return null;
    }
    for (String prefix : new String[] {"refs/remotes/origin/", "refs/heads/", "origin/"}) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
