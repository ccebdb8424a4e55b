package io.jxengine.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHookLinesTest {
  static final String A = "a".repeat(40);
  static final String B = "b".repeat(40);
  static final String ZEROS = "0".repeat(40);
  static final Repository REPO = new Repository(3, ProviderKind.GIT, "local", "app",
      "/srv/git/app.git", null, null, "s3cret", "main", List.of(), "/srv/git/app.git", null, null);

  static List<GitEvent.Push> parse(String body) throws Exception {
    return GitHookLines.parse(body.getBytes(StandardCharsets.UTF_8), REPO);
  }

  static String line(String ref, String before, String after) {
    return "{\"ref\":\"" + ref + "\",\"before\":\"" + before + "\",\"after\":\"" + after + "\"}";
  }

  @Test
  void eachLineIsAPushOfABranchOrATag() throws Exception {
    List<GitEvent.Push> pushes = parse(
        line("refs/heads/main", A, B) + "\n\n" + line("refs/tags/v1.0.0", ZEROS, A) + "\n");

    assertThat(pushes).hasSize(2);
    GitEvent.Push branch = pushes.get(0);
    assertThat(branch.branch()).isEqualTo("main");
    assertThat(branch.tag()).isNull();
    assertThat(branch.before()).isEqualTo(A);
    assertThat(branch.after()).isEqualTo(B);
    assertThat(branch.created()).isFalse();
    assertThat(branch.repo().provider()).isEqualTo(ProviderKind.GIT);
    assertThat(branch.repo().fullName()).isEqualTo("local/app");
    assertThat(branch.cloneUrl()).isEqualTo("/srv/git/app.git");
    GitEvent.Push tag = pushes.get(1);
    assertThat(tag.tag()).isEqualTo("v1.0.0");
    assertThat(tag.branch()).isNull();
    assertThat(tag.created()).isTrue();
  }

  @Test
  void gitsOwnPostReceiveLinesAreAcceptedToo() throws Exception {
    List<GitEvent.Push> pushes =
        parse(A + " " + B + " refs/heads/main\n" + ZEROS + " " + A + " refs/tags/v2\n");
    assertThat(pushes).hasSize(2);
    assertThat(pushes.get(0).branch()).isEqualTo("main");
    assertThat(pushes.get(0).after()).isEqualTo(B);
    assertThat(pushes.get(1).tag()).isEqualTo("v2");
    assertThat(pushes.get(1).created()).isTrue();
    for (String bad : List.of(A + " " + B, A + " " + B + " refs/heads/main extra",
        "HEAD " + B + " refs/heads/main", A + " " + B + " refs/remotes/x")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(GitHookLines.Malformed.class);
    }
  }

  @Test
  void aDeletedBranchIsMarkedDeleted() throws Exception {
    assertThat(parse(line("refs/heads/old", A, ZEROS)).get(0).deleted()).isTrue();
  }

  @Test
  void hostileButValidBranchNamesStayPlainData() throws Exception {
    String name = "zzz\\\";echo${IFS}\\\"hi\\\";#";
    GitEvent.Push push = parse(line("refs/heads/" + name, A, B)).get(0);
    assertThat(push.branch()).isEqualTo("zzz\";echo${IFS}\"hi\";#");
  }

  @Test
  void badLinesAreMalformed() {
    for (String body : List.of(
        "", "\n\n", "not json", "[1,2]", line("refs/remotes/x", A, B), line("main", A, B),
        line("refs/heads/has space", A, B), line("refs/heads/a~1", A, B),
        line("refs/heads/main", "HEAD", B), line("refs/heads/main", A, B.toUpperCase()),
        "{\"ref\":\"refs/heads/main\"}")) {
      assertThatThrownBy(() -> parse(body))
          .as(body)
          .isInstanceOf(GitHookLines.Malformed.class);
    }
  }
}
