package io.jxengine.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitEventCodecTest {
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "widget");

  @Test
  void everyKindOfEventSurvivesTheRoundTrip() {
    List<GitEvent> events = List.of(
        new GitEvent.Push(REPO, "https://x/acme/widget.git", "refs/heads/main", "main", null,
            "a".repeat(40), "b".repeat(40), false, false, "jane", "msg $(x)", "Jane",
            List.of("src/a.txt")),
        new GitEvent.Push(REPO, "u", "refs/tags/v1", null, "v1", "0".repeat(40), "b".repeat(40),
            true, false, null, null, null, null),
        new GitEvent.PullRequest(REPO, "u", "opened", 7, "zzz\";echo${IFS}\"hi\";#", "jane",
            "NONE", "feature", "c".repeat(40), "https://fork/x.git", true, "main",
            "d".repeat(40), false, "https://x/pull/7"),
        new GitEvent.Comment(REPO, "u", "created", 7, true, "/test all", "bob", "MEMBER", 99L,
            "https://x/c/99"),
        new GitEvent.Ping(REPO, "u", "123"));

    for (GitEvent e : events) {
      assertThat(GitEventCodec.decode(GitEventCodec.kind(e), GitEventCodec.encode(e)))
          .isEqualTo(e);
    }
    assertThat(events).extracting(GitEventCodec::kind)
        .containsExactly("push", "push", "pull_request", "comment", "ping");
  }

  @Test
  void unknownKindsAndDamagedJsonAreIllegalArguments() {
    assertThatThrownBy(() -> GitEventCodec.decode("star", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitEventCodec.decode("push", "{"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
