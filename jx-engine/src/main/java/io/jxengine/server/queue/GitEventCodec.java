package io.jxengine.server.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.scm.GitEvent;

/**
 * Writes a mapped {@link GitEvent} as JSON for the deliveries table and reads it back, so the
 * worker needs neither the raw payload's provider parsing nor the webhook secret again.
 */
public final class GitEventCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private GitEventCodec() {}

  /** The event's kind: push, pull_request, comment or ping. */
  public static String kind(GitEvent event) {
    if (event instanceof GitEvent.Push) {
      return "push";
    } else if (event instanceof GitEvent.PullRequest) {
      return "pull_request";
    } else if (event instanceof GitEvent.Comment) {
      return "comment";
    }
    return "ping";
  }

  public static String encode(GitEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a " + kind(event) + " event", e);
    }
  }

  /**
   * @throws IllegalArgumentException for an unknown kind or unreadable JSON (a damaged row)
   */
  public static GitEvent decode(String kind, String json) {
    Class<? extends GitEvent> type =
        switch (kind) {
          case "push" -> GitEvent.Push.class;
          case "pull_request" -> GitEvent.PullRequest.class;
          case "comment" -> GitEvent.Comment.class;
          case "ping" -> GitEvent.Ping.class;
          default -> throw new IllegalArgumentException("unknown event kind " + kind);
        };
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable " + kind + " event: " + e.getMessage(), e);
    }
  }
}
