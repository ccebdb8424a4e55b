package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.server.GitFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bare mirror against a real repository made with the git CLI. */
class RepoMirrorIT {
  @TempDir Path tmp;

  @Test
  void readsFilesPipelinesAndChangedPathsAtAnyCommit() throws IOException {
    GitFixture git = new GitFixture(tmp);
    Path bare = git.bare("mirrored");
    Path work = git.clone(bare, "work");
    String first =
        git.commit(
            work,
            Map.of(
                ".jx/pipeline.yaml", "name: main\n",
                ".jx/pipelines/release.yaml", "stages: []\n",
                ".jx/pipelines/nightly.yml", "stages: []\n",
                ".jx/pipelines/notes.txt", "not a pipeline\n",
                "src/app.txt", "v1\n"),
            "first");
    git.ok(work, "push", "-q", "origin", "main");

    try (RepoMirror mirror = new RepoMirror(tmp.resolve("home/mirrors/1.git"), bare.toString())) {
      mirror.fetch();
      assertThat(mirror.resolve("main")).contains(first);
      assertThat(mirror.resolve("refs/heads/main")).contains(first);
      assertThat(mirror.resolve("nope")).isEmpty();
      assertThat(mirror.readFile(first, "src/app.txt")).contains("v1\n");
      assertThat(mirror.readFile(first, "src")).as("a directory is no file").isEmpty();
      assertThat(mirror.readFile(first, "missing.txt")).isEmpty();
      assertThat(mirror.pipelineFiles(first).keySet())
          .containsExactly(".jx/pipeline.yaml", ".jx/pipelines/nightly.yml", ".jx/pipelines/release.yaml");
      assertThat(mirror.changedPaths(null, first)).hasSize(5);

      git.ok(work, "rm", "-q", ".jx/pipelines/nightly.yml");
      git.ok(work, "mv", "src/app.txt", "src/main.txt");
      String second = git.commit(work, Map.of("docs/new.md", "x"), "second");
      git.ok(work, "tag", "-a", "-m", "r", "v2");
      git.ok(work, "push", "-q", "origin", "main", "v2");

      assertThat(mirror.resolve("main")).as("not fetched yet").contains(first);
      mirror.fetch();
      assertThat(mirror.resolve("main")).contains(second);
      assertThat(mirror.resolve("v2")).as("annotated tag peeled").contains(second);
      assertThat(mirror.changedPaths(first, second))
          .containsExactly(".jx/pipelines/nightly.yml", "docs/new.md", "src/app.txt", "src/main.txt");
      assertThat(mirror.readFile(first, "src/app.txt")).as("old commits stay readable").contains("v1\n");
      assertThat(mirror.pipelineFiles(second)).doesNotContainKey(".jx/pipelines/nightly.yml");

      git.ok(work, "push", "-q", "origin", ":v2");
      mirror.fetch();
      assertThat(mirror.resolve("v2")).as("deleted on the remote, pruned").isEmpty();
    }
    // A second mirror object on the same directory reuses it.
    try (RepoMirror again = new RepoMirror(tmp.resolve("home/mirrors/1.git"), bare.toString())) {
      assertThat(again.resolve("main")).isPresent();
    }
  }
}
