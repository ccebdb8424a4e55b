package io.jxengine.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseNotesTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final Instant DATE = Instant.parse("2026-11-30T10:00:00Z");

  private static List<ConventionalCommit> history() {
    return List.of(
        ConventionalCommit.parse(SHA, "feat(ui): dark mode (#12)"),
        ConventionalCommit.parse(SHA, "fix: crash on <empty> input"),
        ConventionalCommit.parse(SHA, "feat!: new config format"),
        ConventionalCommit.parse(SHA, "Update docs"));
  }

  @Test
  void groupsByKindWithGitHubLinks() {
    String md = ReleaseNotes.markdown("v1.3.0", DATE, history(),
        RepoLinks.forRemote("git@github.com:acme/app.git"));
    assertThat(md).isEqualTo("""
        ## v1.3.0 (2026-11-30)

        ### Breaking Changes

        - new config format ([0123456](https://github.com/acme/app/commit/%1$s))

        ### Features

        - **ui:** dark mode ([0123456](https://github.com/acme/app/commit/%1$s)) ([#12](https://github.com/acme/app/pull/12))

        ### Bug Fixes

        - crash on \\<empty\\> input ([0123456](https://github.com/acme/app/commit/%1$s))

        ### Other

        - Update docs ([0123456](https://github.com/acme/app/commit/%1$s))

        [All commits](https://github.com/acme/app/commits)
        """.formatted(SHA));
  }

  @Test
  void gitLabLinksAndNoLinksForLocalRemotes() {
    String gitlab = ReleaseNotes.markdown("v1", DATE, history(),
        RepoLinks.forRemote("https://gitlab.example.com/group/app.git"));
    assertThat(gitlab).contains("https://gitlab.example.com/group/app/-/commit/" + SHA)
        .contains("[#12](https://gitlab.example.com/group/app/-/merge_requests/12)");
    String local = ReleaseNotes.markdown("v1", DATE, history(), RepoLinks.forRemote("/srv/git/app.git"));
    assertThat(local).contains("- **ui:** dark mode (0123456) (#12)").doesNotContain("](");
  }

  @Test
  void saysWhenNothingChanged() {
    assertThat(ReleaseNotes.markdown("v1.0.1", DATE, List.of(), RepoLinks.none()))
        .isEqualTo("## v1.0.1 (2026-11-30)\n\nNo changes since the previous release.\n");
  }
}
