package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Deliveries.bytes;
import static io.jxengine.scm.webhook.Deliveries.gitea;
import static io.jxengine.scm.webhook.Deliveries.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.webhook.WebhookResult.Accepted;
import io.jxengine.scm.webhook.WebhookResult.Ignored;
import io.jxengine.scm.webhook.WebhookResult.Rejected;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gitea's documented push example and payloads written from its structs. */
class GiteaPayloadsTest {
  private static final String SECRET = "gitea-secret";
  private static final RepoRef WEBHOOKS = new RepoRef(ProviderKind.GITEA, "gitea", "webhooks");
  private static final String DELIVERY = "f6266f16-1bf3-46a5-9ea4-602e06ead473";

  private final WebhookHandler handler = new WebhookHandler();
  private final WebhookSecrets secrets = WebhookSecrets.of(Map.of(WEBHOOKS, SECRET));

  private <T extends GitEvent> T accepted(String event, ObjectNode payload, Class<T> type) {
    WebhookResult result = handler.handle(gitea(event, DELIVERY, SECRET, bytes(payload)), secrets);
    assertThat(result).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) result;
    assertThat(accepted.provider()).isEqualTo(ProviderKind.GITEA);
    assertThat(accepted.eventName()).isEqualTo(event);
    assertThat(accepted.deliveryId()).isEqualTo(DELIVERY);
    assertThat(accepted.event().repo()).isEqualTo(WEBHOOKS);
    assertThat(accepted.event().cloneUrl()).isEqualTo("http://localhost:3000/gitea/webhooks.git");
    return type.cast(accepted.event());
  }

  @Test
  void mapsTheDocumentedPush() {
    GitEvent.Push push = accepted("push", resource("gitea/push.json"), GitEvent.Push.class);
    assertThat(push.ref()).isEqualTo("refs/heads/develop");
    assertThat(push.branch()).isEqualTo("develop");
    assertThat(push.tag()).isNull();
    assertThat(push.before()).isEqualTo("28e1879d029cb852e4844d9c718537df08844e03");
    assertThat(push.after()).isEqualTo("bffeb74224043ba2feb48d137756c8a9331c449a");
    assertThat(push.created()).isFalse();
    assertThat(push.deleted()).isFalse();
    assertThat(push.pusher()).isEqualTo("gitea");
    assertThat(push.headCommitMessage()).isEqualTo("Webhooks Yay!");
    assertThat(push.headCommitAuthor()).isEqualTo("Gitea");
    // The documented commits list no added/modified/removed paths: the payload cannot tell.
    assertThat(push.changedPaths()).isNull();
  }

  @Test
  void listsChangedPathsWhenCommitsCarryThem() {
    ObjectNode payload = resource("gitea/push.json");
    ObjectNode commit = (ObjectNode) payload.get("commits").get(0);
    commit.putArray("added").add(".jx/pipeline.yaml");
    commit.putArray("modified").add("README.md");
    commit.putArray("removed");
    payload.put("total_commits", 1);
    GitEvent.Push push = accepted("push", payload, GitEvent.Push.class);
    assertThat(push.changedPaths()).containsExactly(".jx/pipeline.yaml", "README.md");

    payload.put("total_commits", 30);
    assertThat(accepted("push", payload, GitEvent.Push.class).changedPaths()).isNull();
  }

  @Test
  void mapsACreatedTag() {
    ObjectNode payload = resource("gitea/push.json");
    payload.put("ref", "refs/tags/v2.0.0");
    payload.put("before", "0000000000000000000000000000000000000000");
    GitEvent.Push push = accepted("push", payload, GitEvent.Push.class);
    assertThat(push.tag()).isEqualTo("v2.0.0");
    assertThat(push.branch()).isNull();
    assertThat(push.created()).isTrue();
  }

  @Test
  void mapsAnOpenedPullRequest() {
    GitEvent.PullRequest pr =
        accepted(
            "pull_request", resource("gitea/pull_request_opened.json"), GitEvent.PullRequest.class);
    assertThat(pr.action()).isEqualTo("opened");
    assertThat(pr.number()).isEqualTo(7);
    assertThat(pr.title()).isEqualTo("Add a pipeline");
    assertThat(pr.author()).isEqualTo("alice");
    assertThat(pr.authorAssociation()).isNull();
    assertThat(pr.headRef()).isEqualTo("add-pipeline");
    assertThat(pr.headSha()).isEqualTo("bffeb74224043ba2feb48d137756c8a9331c449a");
    assertThat(pr.headCloneUrl()).isEqualTo("http://localhost:3000/gitea/webhooks.git");
    assertThat(pr.fromFork()).isFalse();
    assertThat(pr.baseRef()).isEqualTo("master");
    assertThat(pr.baseSha()).isEqualTo("28e1879d029cb852e4844d9c718537df08844e03");
    assertThat(pr.merged()).isFalse();
    assertThat(pr.htmlUrl()).isEqualTo("http://localhost:3000/gitea/webhooks/pulls/7");
  }

  @Test
  void translatesSynchronizedAndSeesForksAndMerges() {
    ObjectNode payload = resource("gitea/pull_request_opened.json");
    payload.put("action", "synchronized");
    ObjectNode headRepo = (ObjectNode) payload.get("pull_request").get("head").get("repo");
    headRepo.put("full_name", "alice/webhooks");
    headRepo.put("clone_url", "http://localhost:3000/alice/webhooks.git");
    GitEvent.PullRequest pr = accepted("pull_request", payload, GitEvent.PullRequest.class);
    assertThat(pr.action()).isEqualTo("synchronize");
    assertThat(pr.fromFork()).isTrue();
    assertThat(pr.headCloneUrl()).isEqualTo("http://localhost:3000/alice/webhooks.git");

    payload.put("action", "closed");
    ((ObjectNode) payload.get("pull_request")).put("merged", true);
    pr = accepted("pull_request", payload, GitEvent.PullRequest.class);
    assertThat(pr.action()).isEqualTo("closed");
    assertThat(pr.merged()).isTrue();
  }

  @Test
  void mapsACommentOnAPullRequest() {
    GitEvent.Comment comment =
        accepted(
            "issue_comment", resource("gitea/issue_comment_pull.json"), GitEvent.Comment.class);
    assertThat(comment.action()).isEqualTo("created");
    assertThat(comment.number()).isEqualTo(7);
    assertThat(comment.onPullRequest()).isTrue();
    assertThat(comment.body()).isEqualTo("/retest");
    assertThat(comment.author()).isEqualTo("bob");
    assertThat(comment.authorAssociation()).isNull();
    assertThat(comment.commentId()).isEqualTo(1001L);
    assertThat(comment.htmlUrl())
        .isEqualTo("http://localhost:3000/gitea/webhooks/pulls/7#issuecomment-1001");
  }

  @Test
  void aCommentOnAnIssueIsNotOnAPullRequest() {
    ObjectNode payload = resource("gitea/issue_comment_pull.json");
    payload.put("is_pull", false);
    ((ObjectNode) payload.get("issue")).putNull("pull_request");
    assertThat(accepted("issue_comment", payload, GitEvent.Comment.class).onPullRequest())
        .isFalse();
  }

  @Test
  void ignoresOtherEventsAfterCheckingTheSignature() {
    byte[] body = bytes(resource("gitea/pull_request_opened.json"));
    assertThat(handler.handle(gitea("pull_request_approved", DELIVERY, SECRET, body), secrets))
        .isInstanceOf(Ignored.class);
    WebhookResult unsigned =
        handler.handle(gitea("pull_request_approved", DELIVERY, null, body), secrets);
    assertThat(unsigned).isInstanceOf(Rejected.class);
    assertThat(((Rejected) unsigned).httpStatus()).isEqualTo(401);
  }

  @Test
  void refusesAWrongSignatureEvenWithThePayloadsOwnSecretField() {
    // Gitea < 1.14 also put the secret in the body; only the signature header counts.
    ObjectNode payload = resource("gitea/push.json");
    payload.put("secret", SECRET);
    WebhookResult result =
        handler.handle(gitea("push", DELIVERY, "other", bytes(payload)), secrets);
    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).httpStatus()).isEqualTo(401);
  }
}
