package io.jxengine.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Real git repositories for release tests, made with JGit (fixed identities and times). */
public final class ReleaseRepos {
  private static final PersonIdent WHO =
      new PersonIdent("Jane Doe", "jane@example.com", java.time.Instant.parse("2026-11-30T10:00:00Z"),
          java.time.ZoneOffset.UTC);

  private ReleaseRepos() {}

  public static Git init(Path dir) throws GitAPIException {
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    return git;
  }

  /** Commits a change to {@code file} with {@code message}. */
  public static RevCommit commit(Git git, String message) throws IOException, GitAPIException {
    Path file = git.getRepository().getWorkTree().toPath().resolve("log.txt");
    Files.writeString(file, message + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    git.add().addFilepattern("log.txt").call();
    return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
  }

  public static void tag(Git git, String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(true).setMessage(name).setTagger(WHO).setSigned(false).call();
  }

  public static void lightweightTag(Git git, String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(false).call();
  }
}
