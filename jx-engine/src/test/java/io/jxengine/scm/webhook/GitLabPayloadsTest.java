package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Deliveries.bytes;
import static io.jxengine.scm.webhook.Deliveries.gitlab;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitLab's documented payload examples (src/test/resources/webhooks/gitlab). */
class GitLabPayloadsTest {
  private static final String TOKEN = "gitlab-token";
  private static final RepoRef DIASPORA = new RepoRef(ProviderKind.GITLAB, "mike", "diaspora");
  private static final RepoRef EXAMPLE = new RepoRef(ProviderKind.GITLAB, "jsmith", "example");
  private static final RepoRef GITLAB_TEST =
      new RepoRef(ProviderKind.GITLAB, "gitlabhq", "gitlab-test");
  private static final RepoRef ORG_TEST =
      new RepoRef(ProviderKind.GITLAB, "gitlab-org", "gitlab-test");
  private static final RepoRef NESTED = new RepoRef(ProviderKind.GITLAB, "group/sub", "project");

  private final WebhookHandler handler = new WebhookHandler();
  private final WebhookSecrets secrets =
      WebhookSecrets.of(
          Map.of(
              DIASPORA, TOKEN, EXAMPLE, TOKEN, GITLAB_TEST, TOKEN, ORG_TEST, TOKEN, NESTED, TOKEN));

  private WebhookResult deliver(String event, ObjectNode payload) {
    return handler.handle(
        gitlab(event, TOKEN, bytes(payload), "X-Gitlab-Event-UUID", "e-1"), secrets);
  }

  private <T extends GitEvent> T accepted(String event, ObjectNode payload, Class<T> type) {
    WebhookResult result = deliver(event, payload);
    assertThat(result).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) result;
    assertThat(accepted.provider()).isEqualTo(ProviderKind.GITLAB);
    assertThat(accepted.eventName()).isEqualTo(event);
    assertThat(accepted.deliveryId()).isEqualTo("e-1");
    assertThat(accepted.event()).isInstanceOf(type);
    return type.cast(accepted.event());
  }

  @Test
  void mapsAPush() {
    GitEvent.Push push = accepted("Push Hook", resource("gitlab/push.json"), GitEvent.Push.class);
    assertThat(push.repo()).isEqualTo(DIASPORA);
    assertThat(push.cloneUrl()).isEqualTo("http://example.com/mike/diaspora.git");
    assertThat(push.ref()).isEqualTo("refs/heads/master");
    assertThat(push.branch()).isEqualTo("master");
    assertThat(push.tag()).isNull();
    assertThat(push.before()).isEqualTo("95790bf891e76fee5e1747ab589903a6a1f80f22");
    assertThat(push.after()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
    assertThat(push.created()).isFalse();
    assertThat(push.deleted()).isFalse();
    assertThat(push.pusher()).isEqualTo("jsmith");
    assertThat(push.headCommitMessage()).isEqualTo("fixed readme");
    assertThat(push.headCommitAuthor()).isEqualTo("GitLab dev user");
    // total_commits_count is 4 but only 2 commits are listed: the payload cannot tell.
    assertThat(push.changedPaths()).isNull();
  }

  @Test
  void listsChangedPathsWhenEveryCommitIsInThePayload() {
    ObjectNode payload = resource("gitlab/push.json");
    payload.put("total_commits_count", 2);
    GitEvent.Push push = accepted("Push Hook", payload, GitEvent.Push.class);
    assertThat(push.changedPaths()).containsExactly("CHANGELOG", "app/controller/application.rb");
  }

  @Test
  void mapsATagPush() {
    GitEvent.Push push =
        accepted("Tag Push Hook", resource("gitlab/tag_push.json"), GitEvent.Push.class);
    assertThat(push.repo()).isEqualTo(EXAMPLE);
    assertThat(push.ref()).isEqualTo("refs/tags/v1.0.0");
    assertThat(push.tag()).isEqualTo("v1.0.0");
    assertThat(push.branch()).isNull();
    assertThat(push.created()).isTrue();
    assertThat(push.deleted()).isFalse();
    assertThat(push.after()).isEqualTo("82b3d5ae55f7080f1e6022629cdb57bfae7cccc7");
    assertThat(push.pusher()).isEqualTo("jsmith");
    assertThat(push.headCommitMessage()).isNull();
    assertThat(push.changedPaths()).isEmpty();
  }

  @Test
  void mapsADeletedBranch() {
    ObjectNode payload = resource("gitlab/push.json");
    payload.put("after", "0000000000000000000000000000000000000000");
    payload.putArray("commits");
    payload.put("total_commits_count", 0);
    GitEvent.Push push = accepted("Push Hook", payload, GitEvent.Push.class);
    assertThat(push.deleted()).isTrue();
    assertThat(push.created()).isFalse();
    assertThat(push.headCommitMessage()).isNull();
  }

  @Test
  void mapsAnOpenedMergeRequest() {
    GitEvent.PullRequest pr =
        accepted(
            "Merge Request Hook",
            resource("gitlab/merge_request_open.json"),
            GitEvent.PullRequest.class);
    assertThat(pr.repo()).isEqualTo(GITLAB_TEST);
    assertThat(pr.cloneUrl()).isEqualTo("http://example.com/gitlabhq/gitlab-test.git");
    assertThat(pr.action()).isEqualTo("opened");
    assertThat(pr.number()).isEqualTo(1);
    assertThat(pr.title()).isEqualTo("MS-Viewport");
    assertThat(pr.author()).isEqualTo("root");
    assertThat(pr.authorAssociation()).isNull();
    assertThat(pr.headRef()).isEqualTo("ms-viewport");
    assertThat(pr.headSha()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
    assertThat(pr.headCloneUrl()).isEqualTo("http://example.com/awesome_space/awesome_project.git");
    assertThat(pr.fromFork()).isFalse();
    assertThat(pr.baseRef()).isEqualTo("master");
    assertThat(pr.baseSha()).isNull();
    assertThat(pr.merged()).isFalse();
    assertThat(pr.htmlUrl()).isEqualTo("http://example.com/diaspora/merge_requests/1");
  }

  @ParameterizedTest
  @CsvSource({
    "open, false, opened, false",
    "reopen, false, reopened, false",
    "close, false, closed, false",
    "merge, false, closed, true",
    "update, true, synchronize, false",
    "update, false, edited, false",
    "approved, false, approved, false",
  })
  void translatesMergeRequestActions(
      String action, boolean oldrev, String expected, boolean merged) {
    ObjectNode payload = resource("gitlab/merge_request_open.json");
    ObjectNode attributes = (ObjectNode) payload.get("object_attributes");
    attributes.put("action", action);
    if (merged) {
      attributes.put("state", "merged");
    }
    if (oldrev) {
      attributes.put("oldrev", "95790bf891e76fee5e1747ab589903a6a1f80f22");
    }
    GitEvent.PullRequest pr = accepted("Merge Request Hook", payload, GitEvent.PullRequest.class);
    assertThat(pr.action()).isEqualTo(expected);
    assertThat(pr.merged()).isEqualTo(merged);
  }

  @Test
  void aMergeRequestFromAnotherProjectIsFromAFork() {
    ObjectNode payload = resource("gitlab/merge_request_open.json");
    ((ObjectNode) payload.get("object_attributes")).put("source_project_id", 15);
    GitEvent.PullRequest pr = accepted("Merge Request Hook", payload, GitEvent.PullRequest.class);
    assertThat(pr.fromFork()).isTrue();
  }

  @Test
  void mapsACommentOnAMergeRequest() {
    GitEvent.Comment comment =
        accepted("Note Hook", resource("gitlab/note_merge_request.json"), GitEvent.Comment.class);
    assertThat(comment.repo()).isEqualTo(ORG_TEST);
    assertThat(comment.cloneUrl()).isEqualTo("http://example.com/gitlab-org/gitlab-test.git");
    assertThat(comment.action()).isEqualTo("created");
    assertThat(comment.number()).isEqualTo(1);
    assertThat(comment.onPullRequest()).isTrue();
    assertThat(comment.body()).isEqualTo("This MR needs work.");
    assertThat(comment.author()).isEqualTo("root");
    assertThat(comment.authorAssociation()).isNull();
    assertThat(comment.commentId()).isEqualTo(1244L);
    assertThat(comment.htmlUrl())
        .isEqualTo("http://example.com/gitlab-org/gitlab-test/merge_requests/1#note_1244");
  }

  @Test
  void mapsACommentOnAnIssue() {
    GitEvent.Comment comment =
        accepted("Note Hook", resource("gitlab/note_issue.json"), GitEvent.Comment.class);
    assertThat(comment.onPullRequest()).isFalse();
    assertThat(comment.number()).isEqualTo(17);
    assertThat(comment.body()).isEqualTo("Hello world");
    assertThat(comment.commentId()).isEqualTo(1241L);
  }

  @Test
  void anEditedNoteIsEdited() {
    ObjectNode payload = resource("gitlab/note_merge_request.json");
    ((ObjectNode) payload.get("object_attributes")).put("action", "update");
    assertThat(accepted("Note Hook", payload, GitEvent.Comment.class).action()).isEqualTo("edited");
  }

  @Test
  void ignoresCommentsOnCommitsAndOtherEvents() {
    assertThat(deliver("Note Hook", resource("gitlab/note_commit.json")))
        .isInstanceOf(Ignored.class);
    assertThat(deliver("Pipeline Hook", resource("gitlab/pipeline.json")))
        .isInstanceOf(Ignored.class);
  }

  @Test
  void ownersMayNest() {
    ObjectNode payload = resource("gitlab/push.json");
    ((ObjectNode) payload.get("project")).put("path_with_namespace", "group/sub/project");
    assertThat(accepted("Push Hook", payload, GitEvent.Push.class).repo()).isEqualTo(NESTED);
  }

  @Test
  void refusesAWrongOrMissingToken() {
    byte[] body = bytes(resource("gitlab/push.json"));
    assertThat(status(handler.handle(gitlab("Push Hook", "wrong", body), secrets))).isEqualTo(401);
    assertThat(status(handler.handle(gitlab("Push Hook", null, body), secrets))).isEqualTo(401);
    assertThat(
            status(
                handler.handle(
                    gitlab("Pipeline Hook", null, bytes(resource("gitlab/pipeline.json"))),
                    secrets)))
        .isEqualTo(401);
  }

  @Test
  void prefersTheIdempotencyKeyAsDeliveryId() {
    byte[] body = bytes(resource("gitlab/push.json"));
    assertThat(
            deliveryId(
                gitlab(
                    "Push Hook",
                    TOKEN,
                    body,
                    "Idempotency-Key",
                    "k-1",
                    "X-Gitlab-Event-UUID",
                    "e-1",
                    "X-Gitlab-Webhook-UUID",
                    "w-1")))
        .isEqualTo("k-1");
    assertThat(
            deliveryId(
                gitlab(
                    "Push Hook",
                    TOKEN,
                    body,
                    "X-Gitlab-Event-UUID",
                    "e-1",
                    "X-Gitlab-Webhook-UUID",
                    "w-1")))
        .isEqualTo("e-1");
    assertThat(deliveryId(gitlab("Push Hook", TOKEN, body, "X-Gitlab-Webhook-UUID", "w-1")))
        .isEqualTo("w-1");
  }

  @Test
  void derivesAStableDeliveryIdFromTheBodyWhenGitLabSendsNone() {
    byte[] body = bytes(resource("gitlab/push.json"));
    String first = deliveryId(gitlab("Push Hook", TOKEN, body));
    assertThat(first).isEqualTo(Signatures.sha256Hex(body)).hasSize(64);
    assertThat(deliveryId(gitlab("Push Hook", TOKEN, body.clone()))).isEqualTo(first);
  }

  @Test
  void anOddDeliveryIdHeaderIsNotTrusted() {
    byte[] body = bytes(resource("gitlab/push.json"));
    assertThat(deliveryId(gitlab("Push Hook", TOKEN, body, "Idempotency-Key", "../../etc/passwd")))
        .isEqualTo(Signatures.sha256Hex(body));
    assertThat(
            deliveryId(
                gitlab(
                    "Push Hook",
                    TOKEN,
                    body,
                    "Idempotency-Key",
                    "a b",
                    "X-Gitlab-Event-UUID",
                    "e-2")))
        .isEqualTo("e-2");
    assertThat(deliveryId(gitlab("Push Hook", TOKEN, body, "Idempotency-Key", "x".repeat(129))))
        .isEqualTo(Signatures.sha256Hex(body));
  }

  private String deliveryId(WebhookRequest request) {
    WebhookResult result = handler.handle(request, secrets);
    assertThat(result).isInstanceOf(Accepted.class);
    return ((Accepted) result).deliveryId();
  }

  private static int status(WebhookResult result) {
    assertThat(result).isInstanceOf(Rejected.class);
    return ((Rejected) result).httpStatus();
  }
}
