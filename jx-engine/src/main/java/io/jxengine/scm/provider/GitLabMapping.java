package io.jxengine.scm.provider;

import io.jxengine.scm.PullRequestInfo;
import java.util.Set;
import org.gitlab4j.api.models.AccessLevel;
import org.gitlab4j.api.models.MergeRequest;

/** How GitLab's merge requests and member levels read in the engine's provider-neutral terms. */
final class GitLabMapping {
  /** detailed_merge_status values meaning "GitLab is still working it out". */
  private static final Set<String> STILL_CHECKING =
      Set.of("checking", "unchecked", "preparing", "approvals_syncing");

  private GitLabMapping() {}

  /**
   * A merge request as a pull request: GitLab's opened/locked are "open", closed/merged are
   * "closed". A fast-forward merge has no merge commit; then the merged head is the merge SHA.
   */
  @SuppressWarnings("deprecation") // merge_status: the only answer from GitLab before 15.6
  static PullRequestInfo pullRequest(MergeRequest mr) {
    String state = mr.getState();
    boolean merged = "merged".equals(state);
    boolean open = "opened".equals(state) || "locked".equals(state);
    String mergeSha = null;
    if (merged) {
      mergeSha = firstNonNull(mr.getMergeCommitSha(), mr.getSquashCommitSha(), mr.getSha());
    }
    return new PullRequestInfo(
        mr.getIid() == null ? 0 : Math.toIntExact(mr.getIid()),
        open ? "open" : "closed",
        merged,
        mr.getTitle(),
        mr.getSourceBranch(),
        mr.getSha(),
        mr.getTargetBranch(),
        mr.getWebUrl(),
        mergeable(mr.getDetailedMergeStatus(), mr.getMergeStatus()),
        mergeSha);
  }

  /**
   * True when GitLab says it can merge, false when it says why not, null while it is checking.
   * Prefers {@code detailed_merge_status} (GitLab 15.6+) over the deprecated {@code merge_status}.
   */
  static Boolean mergeable(String detailed, String legacy) {
    if (detailed != null) {
      if (STILL_CHECKING.contains(detailed)) {
        return null;
      }
      return "mergeable".equals(detailed);
    }
    if (legacy == null) {
      return null;
    }
    return switch (legacy) {
      case "can_be_merged" -> true;
      case "cannot_be_merged" -> false;
      default -> null; // unchecked, checking, cannot_be_merged_recheck
    };
  }

  /** Developers and above may push to unprotected branches: GitLab's "write access". */
  static boolean canPush(AccessLevel level) {
    return level != null && level.value != null && level.value >= AccessLevel.DEVELOPER.value;
  }

  /** The web address of a merge request note; the notes API itself returns none. */
  static String noteUrl(String serverUrl, String projectPath, int number, long noteId) {
    String base =
        serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    return base + "/" + projectPath + "/-/merge_requests/" + number + "#note_" + noteId;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
