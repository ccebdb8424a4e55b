package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Json.at;
import static io.jxengine.scm.webhook.Json.bool;
import static io.jxengine.scm.webhook.Json.present;
import static io.jxengine.scm.webhook.Json.requiredInt;
import static io.jxengine.scm.webhook.Json.requiredLong;
import static io.jxengine.scm.webhook.Json.requiredText;
import static io.jxengine.scm.webhook.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub: {@code push}, {@code pull_request}, {@code issue_comment} and {@code ping} are mapped;
 * every other event is skipped. Field choices:
 *
 * <ul>
 *   <li>push: {@code pusher.name}; head commit author is {@code head_commit.author.name} (the git
 *       author, as on every provider); changed paths are null when {@code commits} is absent or
 *       holds {@value #TRUNCATED_AT} or more entries, because GitHub then truncates the list.
 *   <li>pull_request: every action is mapped (the trigger layer decides); from a fork when the head
 *       repository is gone or differs from the base repository.
 *   <li>issue_comment: on a pull request when {@code issue.pull_request} is present.
 * </ul>
 */
final class GitHubPayloads implements ProviderPayloads {
  private static final Set<String> MAPPED_EVENTS = Set.of("push", "pull_request", "issue_comment");

  /** GitHub lists at most 20 commits in a push payload, and says nothing when it cut some. */
  static final int TRUNCATED_AT = 20;

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITHUB;
  }

  @Override
  public String eventHeader() {
    return "X-GitHub-Event";
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return ProviderPayloads.deliveryIdFrom(request, "X-GitHub-Delivery");
  }

  @Override
  public Optional<RepoRef> repository(JsonNode root) {
    return Refs.repo(ProviderKind.GITHUB, text(root, "repository", "full_name"));
  }

  @Override
  public boolean needsRepository(String eventName) {
    return MAPPED_EVENTS.contains(eventName);
  }

  @Override
  public boolean verify(String secret, WebhookRequest request) {
    return Signatures.verifyGitHub(secret, request.body(), request.header("X-Hub-Signature-256"));
  }

  @Override
  public Mapping map(String eventName, RepoRef repo, JsonNode root) {
    String cloneUrl = text(root, "repository", "clone_url");
    return switch (eventName) {
      case "push" -> Mapping.of(push(repo, cloneUrl, root));
      case "pull_request" -> Mapping.of(pullRequest(repo, cloneUrl, root));
      case "issue_comment" -> Mapping.of(comment(repo, cloneUrl, root));
      case "ping" -> Mapping.of(new GitEvent.Ping(repo, cloneUrl, text(root, "hook_id")));
      default -> Mapping.skip("the engine does not act on this GitHub event");
    };
  }

  private static GitEvent.Push push(RepoRef repo, String cloneUrl, JsonNode root) {
    String ref = requiredText(root, "ref");
    String before = requiredText(root, "before");
    String after = requiredText(root, "after");
    boolean created = present(root, "created") ? bool(root, "created") : Refs.isZeroSha(before);
    boolean deleted = present(root, "deleted") ? bool(root, "deleted") : Refs.isZeroSha(after);
    JsonNode commits = at(root, "commits");
    List<String> changed =
        commits.isArray() && commits.size() < TRUNCATED_AT ? ChangedPaths.union(commits) : null;
    return new GitEvent.Push(
        repo,
        cloneUrl,
        ref,
        Refs.branch(ref),
        Refs.tag(ref),
        before,
        after,
        created,
        deleted,
        text(root, "pusher", "name"),
        text(root, "head_commit", "message"),
        text(root, "head_commit", "author", "name"),
        changed);
  }

  private static GitEvent.PullRequest pullRequest(RepoRef repo, String cloneUrl, JsonNode root) {
    JsonNode pr = at(root, "pull_request");
    JsonNode headRepo = at(pr, "head", "repo");
    String headFullName = text(headRepo, "full_name");
    String baseFullName = text(pr, "base", "repo", "full_name");
    boolean fromFork = headFullName == null || !headFullName.equals(baseFullName);
    return new GitEvent.PullRequest(
        repo,
        cloneUrl,
        requiredText(root, "action"),
        requiredInt(pr, "number"),
        text(pr, "title"),
        text(pr, "user", "login"),
        text(pr, "author_association"),
        requiredText(pr, "head", "ref"),
        requiredText(pr, "head", "sha"),
        text(headRepo, "clone_url"),
        fromFork,
        requiredText(pr, "base", "ref"),
        text(pr, "base", "sha"),
        bool(pr, "merged"),
        text(pr, "html_url"));
  }

  private static GitEvent.Comment comment(RepoRef repo, String cloneUrl, JsonNode root) {
    JsonNode issue = at(root, "issue");
    JsonNode comment = at(root, "comment");
    return new GitEvent.Comment(
        repo,
        cloneUrl,
        requiredText(root, "action"),
        requiredInt(issue, "number"),
        present(issue, "pull_request"),
        text(comment, "body"),
        text(comment, "user", "login"),
        text(comment, "author_association"),
        requiredLong(comment, "id"),
        text(comment, "html_url"));
  }
}
