package io.jxengine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesIT {
  @TempDir Path tmp;

  @Test
  void copyTakesEverythingIncludingGitButNoEscapingLinks() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    try (Git git = TestRepos.init(src)) {
      TestRepos.commit(git, "a/b.txt", "hello", "first");
    }
    Path script = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(src.resolve("inside"), Path.of("a/b.txt"));
    Files.createSymbolicLink(src.resolve("inside-abs"), src.resolve("a"));
    Files.createSymbolicLink(src.resolve("outside"), Path.of("/etc"));
    Files.createSymbolicLink(src.resolve("up"), Path.of("../secret.txt"));
    Files.writeString(tmp.resolve("secret.txt"), "x");
    Path target = src.resolve(".jxe/workspaces/1"); // inside the source: not copied into itself

    Workspaces.copyDirectory(src, target);

    assertThat(target.resolve("a/b.txt")).hasContent("hello");
    assertThat(target.resolve(".git/HEAD")).exists();
    assertThat(Files.getPosixFilePermissions(target.resolve("run.sh")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(Files.isSymbolicLink(target.resolve("inside"))).isTrue();
    assertThat(target.resolve("inside")).hasContent("hello");
    assertThat(Files.readSymbolicLink(target.resolve("inside-abs")).isAbsolute()).isFalse();
    assertThat(target.resolve("inside-abs/b.txt")).hasContent("hello");
    assertThat(Files.exists(target.resolve("outside"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(target.resolve("up"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(target.resolve(".jxe/workspaces/1/.jxe")).doesNotExist();
    try (Git copy = Git.open(target.toFile())) {
      assertThat(copy.getRepository().resolve(Constants.HEAD)).isNotNull();
    }
  }

  @Test
  void checkoutGivesExactlyTheRequestedCommitDetached() throws Exception {
    Path origin = Files.createDirectories(tmp.resolve("origin"));
    RevCommit first;
    try (Git git = TestRepos.init(origin)) {
      first = TestRepos.commit(git, "f.txt", "one", "first");
      TestRepos.commit(git, "f.txt", "two", "second");
    }
    Path ws = tmp.resolve("ws");

    Workspaces.checkout(origin.toUri().toString(), first.getName(), ws);

    assertThat(ws.resolve("f.txt")).hasContent("one");
    try (Git git = Git.open(ws.toFile())) {
      assertThat(git.getRepository().resolve(Constants.HEAD).getName()).isEqualTo(first.getName());
      assertThat(git.getRepository().getFullBranch()).isEqualTo(first.getName());
    }
  }

  @Test
  void checkoutFindsACommitOutsideTheBranches() throws Exception {
    Path origin = Files.createDirectories(tmp.resolve("origin"));
    RevCommit head;
    try (Git git = TestRepos.init(origin)) {
      TestRepos.commit(git, "f.txt", "one", "first");
      git.checkout().setCreateBranch(true).setName("pr").call();
      head = TestRepos.commit(git, "f.txt", "pr", "pull request");
      RefUpdate ref = git.getRepository().updateRef("refs/pull/1/head");
      ref.setNewObjectId(head);
      ref.forceUpdate();
      git.checkout().setName("main").call();
      git.branchDelete().setBranchNames("pr").setForce(true).call();
    }
    Path ws = tmp.resolve("ws");

    Workspaces.checkout(origin.toUri().toString(), head.getName(), ws);

    assertThat(ws.resolve("f.txt")).hasContent("pr");
  }

  @Test
  void checkoutOfAnUnknownCommitFailsWithAMessage() throws Exception {
    Path origin = Files.createDirectories(tmp.resolve("origin"));
    try (Git git = TestRepos.init(origin)) {
      TestRepos.commit(git, "f.txt", "one", "first");
    }
    String missing = "0123456789012345678901234567890123456789";
    assertThatThrownBy(() -> Workspaces.checkout(origin.toUri().toString(), missing,
        tmp.resolve("ws"))).isInstanceOf(IOException.class).hasMessageContaining(missing);
    assertThatThrownBy(() -> Workspaces.checkout(origin.toUri().toString(), "main",
        tmp.resolve("ws2"))).isInstanceOf(IOException.class);
  }
}
