package io.jxengine.scm.provider;

import io.jxengine.scm.CommitStatus;

/** How the engine's four commit states and descriptions map onto each provider's API. */
final class StatusMapping {
  /** GitHub rejects descriptions longer than this with 422. */
  static final int GITHUB_DESCRIPTION_MAX = 140;

  /** GitLab stores up to 255 characters; longer ones are refused. */
  static final int GITLAB_DESCRIPTION_MAX = 255;

  private StatusMapping() {}

  /** The {@code state} value of GitHub's statuses API. */
  static String gitHubState(CommitStatus.State state) {
    return switch (state) {
      case PENDING -> "pending";
      case SUCCESS -> "success";
      case FAILURE -> "failure";
      case ERROR -> "error";
    };
  }

  /**
   * The {@code state} of GitLab's commit statuses API. GitLab has no "error": an engine error is
   * shown as failed, and {@link #gitLabDescription} says it was an error.
   */
  static String gitLabState(CommitStatus.State state) {
    return switch (state) {
      case PENDING -> "pending";
      case SUCCESS -> "success";
      case FAILURE, ERROR -> "failed";
    };
  }

  /** A state read back from GitHub ({@code pending}, {@code success}, {@code failure}, {@code error}) or GitLab. */
  static CommitStatus.State fromProvider(String state) {
    return switch (state.toLowerCase(java.util.Locale.ROOT)) {
      case "success" -> CommitStatus.State.SUCCESS;
      case "failure", "failed", "canceled", "cancelled" -> CommitStatus.State.FAILURE;
      case "error" -> CommitStatus.State.ERROR;
      default -> CommitStatus.State.PENDING; // pending, running, created, manual, scheduled
    };
  }

  /**
   * A GitHub check run as a status: not completed is PENDING; completed with {@code success},
   * {@code neutral} or {@code skipped} is SUCCESS; any other conclusion (failure, timed_out,
   * cancelled, action_required, stale) is FAILURE.
   */
  static CommitStatus.State fromCheckRun(String status, String conclusion) {
    if (status == null || !status.equalsIgnoreCase("completed")) {
      return CommitStatus.State.PENDING;
    }
    String c = conclusion == null ? "" : conclusion.toLowerCase(java.util.Locale.ROOT);
    return switch (c) {
      case "success", "neutral", "skipped" -> CommitStatus.State.SUCCESS;
      default -> CommitStatus.State.FAILURE;
    };
  }

  static String gitHubDescription(String description) {
    return truncate(description, GITHUB_DESCRIPTION_MAX);
  }

  static String gitLabDescription(CommitStatus.State state, String description) {
    String text = description;
    if (state == CommitStatus.State.ERROR) {
      text = description == null || description.isBlank() ? "error" : "error: " + description;
    }
    return truncate(text, GITLAB_DESCRIPTION_MAX);
  }

  /** Cuts {@code text} to {@code max} characters, ending with an ellipsis when it was cut. */
  static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    // Do not split a surrogate pair: half an emoji is an invalid string for the API.
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
