package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Json.at;
import static io.jxengine.scm.webhook.Json.bool;
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
 * Gitea: {@code push}, {@code pull_request} and {@code issue_comment} (which Gitea sends for
 * comments on issues and on pull requests alike) are mapped; every other event is skipped. The
 * payloads follow GitHub's shape with these differences: no created/deleted flags (taken from the
 * all-zeros SHAs), the pusher is a user ({@code pusher.login}), new commits on a pull request are
 * {@code synchronized} (translated to {@code synchronize}), no author association, and a comment is
 * on a pull request when {@code is_pull} is true or {@code issue.pull_request} is present.
 */
final class GiteaPayloads implements ProviderPayloads {
  private static final Set<String> MAPPED_EVENTS = Set.of("push", "pull_request", "issue_comment");

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITEA;
  }

  @Override
  public String eventHeader() {
    return "X-Gitea-Event";
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return ProviderPayloads.deliveryIdFrom(request, "X-Gitea-Delivery");
  }

  @Override
  public Optional<RepoRef> repository(JsonNode root) {
    return Refs.repo(ProviderKind.GITEA, text(root, "repository", "full_name"));
  }

  @Override
  public boolean needsRepository(String eventName) {
    return MAPPED_EVENTS.contains(eventName);
  }

  @Override
  public boolean verify(String secret, WebhookRequest request) {
    return Signatures.verifyGitea(secret, request.body(), request.header("X-Gitea-Signature"));
  }

  @Override
  public Mapping map(String eventName, RepoRef repo, JsonNode root) {
    String cloneUrl = text(root, "repository", "clone_url");
    return switch (eventName) {
      case "push" -> Mapping.of(push(repo, cloneUrl, root));
      case "pull_request" -> Mapping.of(pullRequest(repo, cloneUrl, root));
      case "issue_comment" -> Mapping.of(comment(repo, cloneUrl, root));
      default -> Mapping.skip("the engine does not act on this Gitea event");
    };
  }

  private static GitEvent.Push push(RepoRef repo, String cloneUrl, JsonNode root) {
    String ref = requiredText(root, "ref");
    String before = requiredText(root, "before");
    String after = requiredText(root, "after");
    JsonNode head = headCommit(root, after);
    String pusher = text(root, "pusher", "login");
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
        pusher != null ? pusher : text(root, "pusher", "username"),
        text(head, "message"),
        text(head, "author", "name"),
        changedPaths(root));
  }

  /** Older Gitea has no {@code head_commit}; the commit whose id is {@code after} is the head. */
  private static JsonNode headCommit(JsonNode root, String after) {
    if (present(root, "head_commit")) {
      return at(root, "head_commit");
    }
    for (JsonNode commit : at(root, "commits")) {
      if (after.equals(text(commit, "id"))) {
        return commit;
      }
    }
    return MissingNode.getInstance();
  }

  /** Gitea caps the commits it lists; {@code total_commits} (when sent) tells whether it did. */
  private static List<String> changedPaths(JsonNode root) {
    JsonNode commits = at(root, "commits");
    JsonNode total = at(root, "total_commits");
    if (!commits.isArray() || (total.isIntegralNumber() && total.asLong() > commits.size())) {
      return null;
    }
    return ChangedPaths.union(commits);
  }

  private static GitEvent.PullRequest pullRequest(RepoRef repo, String cloneUrl, JsonNode root) {
    JsonNode pr = at(root, "pull_request");
    JsonNode headRepo = at(pr, "head", "repo");
    String headFullName = text(headRepo, "full_name");
    boolean fromFork =
        headFullName == null || !headFullName.equals(text(pr, "base", "repo", "full_name"));
    String action = requiredText(root, "action");
    return new GitEvent.PullRequest(
        repo,
        cloneUrl,
        "synchronized".equals(action) ? "synchronize" : action,
        requiredInt(pr, "number"),
        text(pr, "title"),
        text(pr, "user", "login"),
        null,
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
        bool(root, "is_pull") || present(issue, "pull_request"),
        text(comment, "body"),
        text(comment, "user", "login"),
        null,
        requiredLong(comment, "id"),
        text(comment, "html_url"));
  }
}
