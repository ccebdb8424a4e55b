package io.jxengine.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Real git repositories made with JGit for tests. */
final class TestRepos {
  private TestRepos() {}

  static Git init(Path dir) throws GitAPIException {
    return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  static RevCommit commit(Git git, String path, String content, String message)
      throws IOException, GitAPIException {
    Path file = git.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    git.add().addFilepattern(path).call();
    PersonIdent who = new PersonIdent("Jane Doe", "jane@example.com");
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
