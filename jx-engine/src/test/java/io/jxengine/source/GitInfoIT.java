package io.jxengine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.engine.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoIT {
  @TempDir Path tmp;

  @Test
  void describesABranchCheckoutWithItsOrigin() throws Exception {
    Path dir = tmp.resolve("widget");
    RevCommit c;
    try (Git git = TestRepos.init(dir)) {
      c = TestRepos.commit(git, "README.md", "hi", "Add readme\n\nbody\n");
      StoredConfig config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", "git@github.com:acme/widget-repo.git");
      config.save();
    }

    RunContext ctx = GitInfo.detect(dir, null, null, null);

    assertThat(ctx.owner()).isEqualTo("acme");
    assertThat(ctx.repo()).isEqualTo("widget-repo");
    assertThat(ctx.branch()).isEqualTo("main");
    assertThat(ctx.commitSha()).isEqualTo(c.getName());
    assertThat(ctx.commitMessage()).isEqualTo("Add readme\n\nbody");
    assertThat(ctx.author()).isEqualTo("Jane Doe");
    assertThat(ctx.tag()).isNull();
    assertThat(ctx.event()).isEqualTo("push");
    assertThat(ctx.version()).isEqualTo("0.0.0-SNAPSHOT");
    assertThat(ctx.jobType()).isEqualTo("postsubmit");
    assertThat(ctx.gitUrl()).isEqualTo("git@github.com:acme/widget-repo.git");
    assertThat(ctx.changedPaths()).isNull();
  }

  @Test
  void aTaggedDetachedHeadIsATagEventAndDescribeGivesTheVersion() throws Exception {
    Path dir = tmp.resolve("lib");
    try (Git git = TestRepos.init(dir)) {
      RevCommit c = TestRepos.commit(git, "a.txt", "1", "one");
      git.tag().setName("v1.2.3").setAnnotated(true).setMessage("release").setSigned(false)
          .call();
      git.checkout().setName(c.getName()).call();
    }

    RunContext ctx = GitInfo.detect(dir, null, null, null);

    assertThat(ctx.owner()).isEqualTo("local");
    assertThat(ctx.repo()).isEqualTo("lib");
    assertThat(ctx.branch()).isEqualTo("HEAD");
    assertThat(ctx.tag()).isEqualTo("v1.2.3");
    assertThat(ctx.event()).isEqualTo("tag");
    assertThat(ctx.version()).isEqualTo("v1.2.3");
    assertThat(GitInfo.detect(dir, "manual", "9.9.9", null))
        .extracting(RunContext::event, RunContext::version).containsExactly("manual", "9.9.9");
  }

  @Test
  void changedSinceListsCommittedAndUncommittedChanges() throws Exception {
    Path dir = tmp.resolve("svc");
    try (Git git = TestRepos.init(dir)) {
      RevCommit base = TestRepos.commit(git, "docs/a.md", "a", "base");
      TestRepos.commit(git, "src/Main.java", "class Main {}", "code");
      Files.writeString(dir.resolve("docs/a.md"), "changed but not committed");
      Files.writeString(dir.resolve("new.txt"), "untracked");

      RunContext ctx = GitInfo.detect(dir, null, null, base.getName());

      assertThat(ctx.changedPaths()).containsExactly("docs/a.md", "new.txt", "src/Main.java");
    }
    assertThatThrownBy(() -> GitInfo.detect(dir, null, null, "no-such-rev"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPlainDirectoryIsLocal() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plain"));
    RunContext ctx = GitInfo.detect(dir, null, null, null);
    assertThat(ctx.owner()).isEqualTo("local");
    assertThat(ctx.repo()).isEqualTo("plain");
    assertThat(ctx.branch()).isEqualTo("local");
    assertThat(ctx.event()).isEqualTo("push");
  }
}
