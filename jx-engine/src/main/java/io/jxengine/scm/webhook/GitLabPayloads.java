package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Json.at;
import static io.jxengine.scm.webhook.Json.present;
import static io.jxengine.scm.webhook.Json.requiredInt;
import static io.jxengine.scm.webhook.Json.requiredLong;
import static io.jxengine.scm.webhook.Json.requiredText;
import static io.jxengine.scm.webhook.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab: Push Hook, Tag Push Hook, Merge Request Hook and Note Hook (comments on merge requests
 * and issues) are mapped; every other event is skipped. GitLab's words are translated to the
 * engine's (GitHub's): open/reopen/close/merge become opened/reopened/closed (merged for merge),
 * update becomes synchronize when new commits came ({@code oldrev} present) and edited otherwise;
 * note create/update become created/edited. Merge request payloads name their author only by id, so
 * {@code author} is the user who triggered the event, and they carry no target SHA, so {@code
 * baseSha} is null.
 */
final class GitLabPayloads implements ProviderPayloads {
  private static final Set<String> MAPPED_EVENTS =
      Set.of("Push Hook", "Tag Push Hook", "Merge Request Hook", "Note Hook");

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITLAB;
  }

  @Override
  public String eventHeader() {
    return "X-Gitlab-Event";
  }

  /**
   * {@code Idempotency-Key} (GitLab 17.4+) stays the same across retries, which is what a delivery
   * id is for; {@code X-Gitlab-Event-UUID} (14.8+) is next best; {@code X-Gitlab-Webhook-UUID}
   * (16.2+) last; with none of them, the hash of the body.
   */
  @Override
  public String deliveryId(WebhookRequest request) {
    return ProviderPayloads.deliveryIdFrom(
        request, "Idempotency-Key", "X-Gitlab-Event-UUID", "X-Gitlab-Webhook-UUID");
  }

  @Override
  public Optional<RepoRef> repository(JsonNode root) {
    return Refs.repo(ProviderKind.GITLAB, text(root, "project", "path_with_namespace"));
  }

  @Override
  public boolean needsRepository(String eventName) {
    return MAPPED_EVENTS.contains(eventName);
  }

  @Override
  public boolean verify(String secret, WebhookRequest request) {
    return Signatures.verifyGitLabToken(secret, request.header("X-Gitlab-Token"));
  }

  @Override
  public Mapping map(String eventName, RepoRef repo, JsonNode root) {
    String cloneUrl = text(root, "project", "git_http_url");
    return switch (eventName) {
      case "Push Hook", "Tag Push Hook" -> Mapping.of(push(repo, cloneUrl, root));
      case "Merge Request Hook" -> Mapping.of(mergeRequest(repo, cloneUrl, root));
      case "Note Hook" -> note(repo, cloneUrl, root);
      default -> Mapping.skip("the engine does not act on this GitLab event");
    };
  }

  private static GitEvent.Push push(RepoRef repo, String cloneUrl, JsonNode root) {
    String ref = requiredText(root, "ref");
    String before = requiredText(root, "before");
    String after = requiredText(root, "after");
    JsonNode head = headCommit(at(root, "commits"), after);
    return new GitEvent.Push(
        repo,
        cloneUrl,
        ref,
        Refs.branch(ref),
        Refs.tag(ref),
        before,
        after,
        Refs.isZeroSha(before),
        Refs.isZeroSha(after),
        text(root, "user_username"),
        text(head, "message"),
        text(head, "author", "name"),
        changedPaths(root));
  }

  /** GitLab lists the newest 20 commits and says how many there were in total. */
  private static List<String> changedPaths(JsonNode root) {
    JsonNode commits = at(root, "commits");
    JsonNode total = at(root, "total_commits_count");
    if (!commits.isArray() || (total.isIntegralNumber() && total.asLong() > commits.size())) {
      return null;
    }
    return ChangedPaths.union(commits);
  }

  private static JsonNode headCommit(JsonNode commits, String after) {
    for (JsonNode commit : commits) {
      if (after.equals(text(commit, "id"))) {
        return commit;
      }
    }
    return MissingNode.getInstance();
  }

  private static GitEvent.PullRequest mergeRequest(RepoRef repo, String cloneUrl, JsonNode root) {
    JsonNode mr = at(root, "object_attributes");
    String action = requiredText(mr, "action");
    boolean merged = "merge".equals(action) || "merged".equals(text(mr, "state"));
    return new GitEvent.PullRequest(
        repo,
        cloneUrl,
        mergeRequestAction(action, present(mr, "oldrev")),
        requiredInt(mr, "iid"),
        text(mr, "title"),
        text(root, "user", "username"),
        null,
        requiredText(mr, "source_branch"),
        requiredText(mr, "last_commit", "id"),
        text(mr, "source", "git_http_url"),
        fromFork(mr),
        requiredText(mr, "target_branch"),
        null,
        merged,
        text(mr, "url"));
  }

  static String mergeRequestAction(String action, boolean newCommits) {
    return switch (action) {
      case "open" -> "opened";
      case "reopen" -> "reopened";
      case "close", "merge" -> "closed";
      case "update" -> newCommits ? "synchronize" : "edited";
      default -> action;
    };
  }

  private static boolean fromFork(JsonNode mr) {
    String source = text(mr, "source_project_id");
    String target = text(mr, "target_project_id");
    if (source != null && target != null) {
      return !source.equals(target);
    }
    String sourcePath = text(mr, "source", "path_with_namespace");
    return sourcePath == null || !sourcePath.equals(text(mr, "target", "path_with_namespace"));
  }

  private static Mapping note(RepoRef repo, String cloneUrl, JsonNode root) {
    JsonNode note = at(root, "object_attributes");
    String type = text(note, "noteable_type");
    JsonNode target;
    if ("MergeRequest".equals(type)) {
      target = at(root, "merge_request");
    } else if ("Issue".equals(type)) {
      target = at(root, "issue");
    } else {
      return Mapping.skip("the engine does not act on comments on commits or snippets");
    }
    return Mapping.of(
        new GitEvent.Comment(
            repo,
            cloneUrl,
            noteAction(text(note, "action")),
            requiredInt(target, "iid"),
            "MergeRequest".equals(type),
            text(note, "note"),
            text(root, "user", "username"),
            null,
            requiredLong(note, "id"),
            text(note, "url")));
  }

  /** Notes before GitLab 16.11 carry no action: they were always new comments. */
  private static String noteAction(String action) {
    if (action == null || "create".equals(action)) {
      return "created";
    }
    return "update".equals(action) ? "edited" : action;
  }
}
