package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import io.jxengine.source.Workspaces;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoMirrorIT {
  @TempDir Path tmp;

  @Test
  void readsFilesPipelinesAndChangedPathsAtCommits() throws Exception {
    GitFixture git = GitFixture.create(tmp, "r");
    String first = git.commit("one", ".jx/pipelines/b.yaml", "b", ".jx/pipelines/a.yml", "a",
        ".jx/pipelines/notes.txt", "n", ".jx/pipelines/sub/c.yaml", "c", ".jx/pipeline.yaml", "main",
        "old.txt", "o", "keep.txt", "k");
    git.git("mv", "old.txt", "new.txt");
    git.write("keep.txt", "changed");
    String second = git.commit("two");
    git.git("push", "-q", "origin", "main");
    git.git("push", "-q", "origin", "main:refs/merge-requests/3/head");

    RepoMirror mirror = RepoMirror.of(tmp.resolve("mirrors"), 1, git.origin.toString(), ProviderKind.GITLAB);
    assertThat(mirror.readFile(first, "keep.txt")).isEmpty(); // not fetched yet
    mirror.fetch();
    assertThat(mirror.dir()).isEqualTo(tmp.resolve("mirrors/1.git"));
    assertThat(mirror.readFile(first, "keep.txt")).contains("k");
    assertThat(mirror.readFile(second, "keep.txt")).contains("changed");
    assertThat(mirror.readFile(second, "missing")).isEmpty();
    assertThat(mirror.readFile(second, ".jx")).as("a directory is not a file").isEmpty();
    assertThat(mirror.pipelineFiles(second).keySet())
        .containsExactly(".jx/pipeline.yaml", ".jx/pipelines/a.yml", ".jx/pipelines/b.yaml");
    assertThat(mirror.changedPaths(first, second)).containsExactlyInAnyOrder("keep.txt", "old.txt", "new.txt");
    assertThat(mirror.changedPaths("0".repeat(40), second)).containsExactlyInAnyOrder("keep.txt", "old.txt", "new.txt");
    assertThat(mirror.changedPaths(null, first)).hasSize(7);
    assertThat(mirror.changedPaths("1".repeat(40), second)).isNull();
    assertThat(mirror.mergeBase(first, second)).contains(first);
    assertThat(mirror.resolve(mirror.pullRef(3))).contains(second);
    assertThat(mirror.resolve("refs/heads/main")).contains(second);
    assertThat(mirror.hasCommit("not-a-sha")).isFalse();
  }

  @Test
  void workspacesCloneFromTheMirrorAtBranchAndPullRequestHeads() throws Exception {
    GitFixture git = GitFixture.create(tmp, "r");
    String main = git.commit("one", "a.txt", "a");
    git.git("push", "-q", "origin", "main");
    git.git("checkout", "-q", "-b", "x");
    String pr = git.commit("two", "a.txt", "pr");
    git.git("push", "-q", "origin", "HEAD:refs/pull/1/head");
    RepoMirror mirror = RepoMirror.of(tmp.resolve("mirrors"), 1, git.origin.toString(), ProviderKind.GITHUB);
    mirror.fetch();

    Workspaces.checkout(mirror.dir().toString(), main, tmp.resolve("ws1"));
    Workspaces.checkout(mirror.dir().toString(), pr, tmp.resolve("ws2"));

    assertThat(tmp.resolve("ws1/a.txt")).hasContent("a");
    assertThat(tmp.resolve("ws2/a.txt")).hasContent("pr");
  }

  @Test
  void refusesUnsafeForkBranchesAndReportsUnreachableRemotes() {
    RepoMirror mirror = RepoMirror.of(tmp.resolve("mirrors"), 2, tmp.resolve("nowhere").toString(), ProviderKind.GIT);
    assertThatThrownBy(() -> mirror.fetchForkHead(tmp.toString(), "$(touch pwned)", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(mirror::fetch).isInstanceOf(RepoMirror.MirrorException.class);
  }
}
