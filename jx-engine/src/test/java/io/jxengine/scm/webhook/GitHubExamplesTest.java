package io.jxengine.scm.webhook;

import static io.jxengine.scm.webhook.Deliveries.JSON;
import static io.jxengine.scm.webhook.Deliveries.bytes;
import static io.jxengine.scm.webhook.Deliveries.github;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.webhook.WebhookResult.Accepted;
import io.jxengine.scm.webhook.WebhookResult.Ignored;
import io.jxengine.scm.webhook.WebhookResult.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example payload of {@code @octokit/webhooks-examples} (GitHub's real payloads) goes through
 * the handler signed as GitHub signs: push, pull_request, issue_comment and ping must be accepted
 * and mapped field by field; every other event must be ignored, after its signature was checked.
 */
class GitHubExamplesTest {
  static final Path INDEX =
      Path.of("../test-fixtures/node_modules/@octokit/webhooks-examples/api.github.com/index.json");
  private static final Set<String> MAPPED = Set.of("push", "pull_request", "issue_comment", "ping");
  private static final String SECRET = "examples secret";

  private final WebhookHandler handler = new WebhookHandler();

  static JsonNode index() {
    if (!Files.isRegularFile(INDEX)) {
      fail(
          INDEX.toAbsolutePath().normalize()
              + " is missing: run scripts/test-all (npm ci in test-fixtures)");
    }
    try {
      return JSON.readTree(INDEX.toFile());
    } catch (IOException e) {
      return fail("cannot read " + INDEX + ": run scripts/test-all (npm ci in test-fixtures)", e);
    }
  }

  @Test
  void theExamplesHaveTheExpectedLayout() {
    JsonNode index = index();
    assertThat(index.isArray()).isTrue();
    Map<String, Integer> counts = new HashMap<>();
    index.forEach(group -> counts.put(group.path("name").asText(), group.path("examples").size()));
    for (String event : MAPPED) {
      assertThat(counts.get(event)).as("examples of %s", event).isPositive();
    }
    assertThat(counts.size()).as("event kinds").isGreaterThan(40);
  }

  @TestFactory
  Stream<DynamicTest> everyExample() {
    JsonNode index = index();
    WebhookSecrets secrets = secretsForEveryRepository(index);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : index) {
      String event = group.path("name").asText();
      JsonNode examples = group.path("examples");
      for (int i = 0; i < examples.size(); i++) {
        JsonNode example = examples.get(i);
        tests.add(dynamicTest(event + "[" + i + "]", () -> check(event, example, secrets)));
      }
    }
    return tests.stream();
  }

  private static WebhookSecrets secretsForEveryRepository(JsonNode index) {
    Map<RepoRef, String> secrets = new HashMap<>();
    for (JsonNode group : index) {
      for (JsonNode example : group.path("examples")) {
        String fullName = example.path("repository").path("full_name").asText("");
        int slash = fullName.indexOf('/');
        if (slash > 0) {
          secrets.put(
              new RepoRef(
                  ProviderKind.GITHUB, fullName.substring(0, slash), fullName.substring(slash + 1)),
              SECRET);
        }
      }
    }
    return WebhookSecrets.of(secrets);
  }

  private void check(String event, JsonNode example, WebhookSecrets secrets) {
    byte[] body = bytes(example);
    String delivery = "d-" + event;
    WebhookResult result = handler.handle(github(event, delivery, SECRET, body), secrets);
    boolean hasRepo = example.path("repository").path("full_name").isTextual();
    if (!MAPPED.contains(event) || !hasRepo) {
      assertThat(result).isInstanceOf(Ignored.class);
      Ignored ignored = (Ignored) result;
      assertThat(ignored.provider()).isEqualTo(ProviderKind.GITHUB);
      assertThat(ignored.deliveryId()).isEqualTo(delivery);
      assertThat(ignored.eventName()).isEqualTo(event);
      if (hasRepo) {
        WebhookResult unsigned = handler.handle(github(event, delivery, null, body), secrets);
        assertUnauthorized(unsigned);
      }
      return;
    }
    assertThat(result).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) result;
    assertThat(accepted.provider()).isEqualTo(ProviderKind.GITHUB);
    assertThat(accepted.deliveryId()).isEqualTo(delivery);
    assertThat(accepted.eventName()).isEqualTo(event);
    GitEvent mapped = accepted.event();
    assertRepo(mapped, example.path("repository"));
    switch (event) {
      case "push" -> assertPush((GitEvent.Push) mapped, example);
      case "pull_request" -> assertPullRequest((GitEvent.PullRequest) mapped, example);
      case "issue_comment" -> assertComment((GitEvent.Comment) mapped, example);
      case "ping" ->
          assertThat(((GitEvent.Ping) mapped).hookId()).isEqualTo(example.path("hook_id").asText());
      default -> fail("unexpected event " + event);
    }
  }

  private static void assertUnauthorized(WebhookResult result) {
    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).httpStatus()).isEqualTo(401);
  }

  private static void assertRepo(GitEvent event, JsonNode repository) {
    assertThat(event.repo())
        .isEqualTo(
            new RepoRef(
                ProviderKind.GITHUB,
                repository.path("owner").path("login").asText(),
                repository.path("name").asText()));
    assertThat(event.cloneUrl()).isEqualTo(repository.path("clone_url").asText());
  }

  private static void assertPush(GitEvent.Push push, JsonNode json) {
    String ref = json.path("ref").asText();
    assertThat(push.ref()).isEqualTo(ref);
    if (ref.startsWith("refs/tags/")) {
      assertThat(push.tag()).isEqualTo(ref.substring("refs/tags/".length()));
      assertThat(push.branch()).isNull();
    } else {
      assertThat(push.branch()).isEqualTo(ref.substring("refs/heads/".length()));
      assertThat(push.tag()).isNull();
    }
    assertThat(push.before()).isEqualTo(json.path("before").asText());
    assertThat(push.after()).isEqualTo(json.path("after").asText());
    assertThat(push.created()).isEqualTo(json.path("created").asBoolean());
    assertThat(push.deleted()).isEqualTo(json.path("deleted").asBoolean());
    assertThat(push.pusher()).isEqualTo(json.path("pusher").path("name").asText());
    JsonNode head = json.path("head_commit");
    assertThat(push.headCommitMessage())
        .isEqualTo(head.isObject() ? head.path("message").asText() : null);
    assertThat(push.headCommitAuthor())
        .isEqualTo(head.isObject() ? head.path("author").path("name").asText() : null);
    Set<String> expected = new LinkedHashSet<>();
    for (JsonNode commit : json.path("commits")) {
      for (String kind : List.of("added", "modified", "removed")) {
        commit.path(kind).forEach(p -> expected.add(p.asText()));
      }
    }
    assertThat(push.changedPaths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static void assertPullRequest(GitEvent.PullRequest pr, JsonNode json) {
    JsonNode p = json.path("pull_request");
    assertThat(pr.action()).isEqualTo(json.path("action").asText());
    assertThat(pr.number()).isEqualTo(json.path("number").asInt());
    assertThat(pr.title()).isEqualTo(p.path("title").asText());
    assertThat(pr.author()).isEqualTo(p.path("user").path("login").asText());
    assertThat(pr.authorAssociation()).isEqualTo(p.path("author_association").asText());
    assertThat(pr.headRef()).isEqualTo(p.path("head").path("ref").asText());
    assertThat(pr.headSha()).isEqualTo(p.path("head").path("sha").asText());
    assertThat(pr.headCloneUrl()).isEqualTo(p.path("head").path("repo").path("clone_url").asText());
    JsonNode headRepo = p.path("head").path("repo");
    boolean fork =
        !headRepo.isObject()
            || !headRepo.path("full_name").equals(p.path("base").path("repo").path("full_name"));
    assertThat(pr.fromFork()).isEqualTo(fork);
    assertThat(pr.baseRef()).isEqualTo(p.path("base").path("ref").asText());
    assertThat(pr.baseSha()).isEqualTo(p.path("base").path("sha").asText());
    assertThat(pr.merged()).isEqualTo(p.path("merged").asBoolean());
    assertThat(pr.htmlUrl()).isEqualTo(p.path("html_url").asText());
  }

  private static void assertComment(GitEvent.Comment comment, JsonNode json) {
    JsonNode c = json.path("comment");
    assertThat(comment.action()).isEqualTo(json.path("action").asText());
    assertThat(comment.number()).isEqualTo(json.path("issue").path("number").asInt());
    assertThat(comment.onPullRequest())
        .isEqualTo(json.path("issue").path("pull_request").isObject());
    assertThat(comment.body()).isEqualTo(c.path("body").asText());
    assertThat(comment.author()).isEqualTo(c.path("user").path("login").asText());
    assertThat(comment.authorAssociation()).isEqualTo(c.path("author_association").asText());
    assertThat(comment.commentId()).isEqualTo(c.path("id").asLong());
    assertThat(comment.htmlUrl()).isEqualTo(c.path("html_url").asText());
  }
}
