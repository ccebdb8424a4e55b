package io.jxengine.server.api;

import io.jxengine.activity.ActivityStore;
import io.jxengine.logs.LogStore;
import io.jxengine.server.RunControl;
import io.jxengine.server.repos.RepositoryStore;
import java.util.Objects;

/**
 * What the REST API reads and asks of the engine. All members are thread-safe and shared by the
 * request threads.
 *
 * @param baseUrl the address users reach the server at, without a trailing slash, such as {@code
 *     http://localhost:8080}; links in responses (and commit statuses) start with it
 */
public record ApiContext(
    ActivityStore activities,
    LogStore logs,
    RepositoryStore repositories,
    RunControl runs,
    TokenVerifier tokens,
    String baseUrl) {
  public ApiContext {
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(repositories, "repositories");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(tokens, "tokens");
    baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
  }

  /** The run page of an activity. */
  public String runUrl(long activityId) {
    return baseUrl + "/runs/" + activityId;
  }
}
