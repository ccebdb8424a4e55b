package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Deliveries.JSON;
import static io.jxengine.scm.webhook.Deliveries.bytes;
import static io.jxengine.scm.webhook.Deliveries.github;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.webhook.WebhookResult.Accepted;
import io.jxengine.scm.webhook.WebhookResult.Ignored;
import io.jxengine.scm.webhook.WebhookResult.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that must be refused, and hostile values that must come through as plain data. */
class WebhookHandlerTest {
  private static final String SECRET = "s3cret";
  private static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "app");

  private final WebhookHandler handler = new WebhookHandler();
  private final WebhookSecrets secrets = WebhookSecrets.of(Map.of(REPO, SECRET));

  /** A minimal GitHub push for acme/app. */
  static ObjectNode push(String ref) {
    ObjectNode push = JSON.createObjectNode();
    push.put("ref", ref);
    push.put("before", "1111111111111111111111111111111111111111");
    push.put("after", "2222222222222222222222222222222222222222");
    push.put("created", false);
    push.put("deleted", false);
    ObjectNode repository = push.putObject("repository");
    repository.put("full_name", "acme/app");
    repository.put("name", "app");
    repository.putObject("owner").put("login", "acme");
    repository.put("clone_url", "https://github.com/acme/app.git");
    push.putObject("pusher").put("name", "wile");
    push.putArray("commits");
    return push;
  }

  private int status(WebhookRequest request) {
    WebhookResult result = handler.handle(request, secrets);
    assertThat(result).isInstanceOf(Rejected.class);
    return ((Rejected) result).httpStatus();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void withoutAProviderHeaderIsMalformed() {
    byte[] body = bytes(push("refs/heads/main"));
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Hub-Signature-256", Signatures.signGitHub(SECRET, body));
    headers.put("X-Gogs-Event", "push");
    assertThat(status(new WebhookRequest(headers, body))).isEqualTo(400);
    assertThat(status(new WebhookRequest(null, null))).isEqualTo(400);
    assertThat(status(new WebhookRequest(Map.of("X-GitHub-Event", " "), body))).isEqualTo(400);
  }

  @Test
  void aBodyOverTheCapIsTooLarge() {
    byte[] body = new byte[WebhookHandler.MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) ' ');
    assertThat(status(github("push", "d", SECRET, body))).isEqualTo(413);
    // At the cap exactly the body is read: all blanks, so it is no JSON object.
    assertThat(status(github("push", "d", SECRET, Arrays.copyOf(body, body.length - 1))))
        .isEqualTo(400);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsMalformed() {
    for (String body :
        new String[] {
          "{\"ref\": ",
          "",
          "[]",
          "\"push\"",
          "{} {}",
          "payload=%7B%22ref%22%3A%22x%22%7D",
          "Hello, World!"
        }) {
      assertThat(status(github("push", "d", SECRET, utf8(body)))).as(body).isEqualTo(400);
    }
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(status(github("push", "d", SECRET, utf8(deep)))).isEqualTo(400);
  }

  @Test
  void overlongStringsAreRefused() {
    ObjectNode payload = push("refs/heads/main");
    payload.put("ref", "x".repeat(Json.MAX_STRING_LENGTH + 1));
    assertThat(status(github("push", "d", SECRET, bytes(payload)))).isEqualTo(400);
  }

  @Test
  void anUnknownRepositoryIsNotFound() {
    ObjectNode payload = push("refs/heads/main");
    ((ObjectNode) payload.get("repository")).put("full_name", "acme/other");
    assertThat(status(github("push", "d", SECRET, bytes(payload)))).isEqualTo(404);
    assertThat(status(github("star", "d", SECRET, bytes(payload)))).isEqualTo(404);
  }

  @Test
  void aMissingOrWrongSignatureIsUnauthorized() {
    byte[] body = bytes(push("refs/heads/main"));
    assertThat(status(github("push", "d", null, body))).isEqualTo(401);
    assertThat(status(github("push", "d", "wrong", body))).isEqualTo(401);
    // Signed, then altered in transit.
    WebhookRequest signed = github("push", "d", SECRET, body);
    byte[] altered = bytes(push("refs/heads/evil"));
    assertThat(status(new WebhookRequest(signed.headers(), altered))).isEqualTo(401);
    // The legacy SHA-1 header alone is not enough.
    Map<String, String> headers = new HashMap<>(github("push", "d", null, body).headers());
    headers.put("X-Hub-Signature", "sha1=0000000000000000000000000000000000000000");
    assertThat(status(new WebhookRequest(headers, body))).isEqualTo(401);
  }

  @Test
  void anIgnoredEventIsStillVerified() {
    byte[] body = bytes(push("refs/heads/main"));
    assertThat(status(github("star", "d", "wrong", body))).isEqualTo(401);
    assertThat(handler.handle(github("star", "d", SECRET, body), secrets))
        .isInstanceOf(Ignored.class);
  }

  @Test
  void aPayloadWithoutRepositoryIsMalformedForMappedEventsAndIgnoredOtherwise() {
    ObjectNode payload = push("refs/heads/main");
    payload.remove("repository");
    byte[] body = bytes(payload);
    assertThat(status(github("push", "d", SECRET, body))).isEqualTo(400);
    WebhookResult ping = handler.handle(github("ping", "d", null, body), secrets);
    assertThat(ping).isInstanceOf(Ignored.class);
    assertThat(((Ignored) ping).eventName()).isEqualTo("ping");
  }

  @Test
  void aSignedPayloadMissingARequiredFieldIsMalformed() {
    ObjectNode payload = push("refs/heads/main");
    payload.remove("after");
    assertThat(status(github("push", "d", SECRET, bytes(payload)))).isEqualTo(400);
    payload = push("refs/heads/main");
    payload.put("ref", 42);
    payload.putObject("x");
    assertThat(status(github("pull_request", "d", SECRET, bytes(payload)))).isEqualTo(400);
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    byte[] body = bytes(push("refs/heads/main"));
    Map<String, String> lower = new HashMap<>();
    github("push", "d-7", SECRET, body).headers().forEach(lower::put);
    Map<String, String> upper = new HashMap<>();
    lower.forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
    for (Map<String, String> headers : List.of(lower, upper)) {
      WebhookResult result = handler.handle(new WebhookRequest(headers, body), secrets);
      assertThat(result).isInstanceOf(Accepted.class);
      assertThat(((Accepted) result).deliveryId()).isEqualTo("d-7");
    }
  }

  @Test
  void hostileValuesComeThroughAsPlainData() {
    String branch = "$(touch pwned)";
    String title = "zzz\";echo${IFS}\"hi\";#";
    String body = "`id`; rm -rf / <!ENTITY x SYSTEM \"file:///etc/passwd\"> ../../etc/passwd";
    WebhookResult result =
        handler.handle(github("push", "d", SECRET, bytes(push("refs/heads/" + branch))), secrets);
    assertThat(((GitEvent.Push) ((Accepted) result).event()).branch()).isEqualTo(branch);

    ObjectNode pr = push("refs/heads/x");
    pr.put("action", "opened");
    ObjectNode p = pr.putObject("pull_request");
    p.put("number", 1);
    p.put("title", title);
    p.putObject("head").put("ref", branch).put("sha", "abc");
    p.putObject("base").put("ref", "main");
    result = handler.handle(github("pull_request", "d", SECRET, bytes(pr)), secrets);
    GitEvent.PullRequest mapped = (GitEvent.PullRequest) ((Accepted) result).event();
    assertThat(mapped.title()).isEqualTo(title);
    assertThat(mapped.headRef()).isEqualTo(branch);
    assertThat(mapped.fromFork()).isTrue();

    ObjectNode comment = push("refs/heads/x");
    comment.put("action", "created");
    comment.putObject("issue").put("number", 1).putObject("pull_request");
    comment.putObject("comment").put("id", 9).put("body", body);
    result = handler.handle(github("issue_comment", "d", SECRET, bytes(comment)), secrets);
    assertThat(((GitEvent.Comment) ((Accepted) result).event()).body()).isEqualTo(body);
  }

  @Test
  void reasonsNeverRepeatPayloadValues() {
    ObjectNode payload = push("refs/heads/main");
    payload.remove("after");
    payload.put("before", "<script>alert(1)</script>");
    WebhookResult result = handler.handle(github("push", "d", SECRET, bytes(payload)), secrets);
    assertThat(((Rejected) result).reason()).doesNotContain("<script>").contains("after");
  }

  @Test
  void changedPathsAreUnknownWhenGitHubMayHaveTruncatedTheCommits() {
    assertThat(pushWithCommits(19).changedPaths()).hasSize(19);
    assertThat(pushWithCommits(20).changedPaths()).isNull();
    ObjectNode noCommits = push("refs/heads/main");
    noCommits.remove("commits");
    WebhookResult result = handler.handle(github("push", "d", SECRET, bytes(noCommits)), secrets);
    assertThat(((GitEvent.Push) ((Accepted) result).event()).changedPaths()).isNull();
  }

  private GitEvent.Push pushWithCommits(int count) {
    ObjectNode payload = push("refs/heads/main");
    for (int i = 0; i < count; i++) {
      ObjectNode commit = payload.withArray("commits").addObject();
      commit.putArray("added").add("file" + i);
      commit.putArray("modified");
      commit.putArray("removed");
    }
    WebhookResult result = handler.handle(github("push", "d", SECRET, bytes(payload)), secrets);
    return (GitEvent.Push) ((Accepted) result).event();
  }
}
