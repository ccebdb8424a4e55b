package io.jxengine.jenkins.api;

import io.jxengine.engine.FileTrees;
import io.jxengine.source.Workspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;

/**
 * The git side of Jenkins jobs: the commit a job's branch points at, a Jenkinsfile at that
 * commit, and, for jobs without a repository, one empty repository every such build checks out
 * (the engine's runs always start from a commit). Failures the job's configuration causes (no
 * such branch, unreachable URL, no Jenkinsfile) are 400s. Thread-safe.
 */
final class GitSources {
  /** A commit to check out. */
  record Revision(String url, String sha) {}

  /** The largest Jenkinsfile read from a repository. */
  static final long MAX_JENKINSFILE = 1024 * 1024;

  private final Path jenkinsHome;
  private Revision empty;

  GitSources(Path jenkinsHome) {
    this.jenkinsHome = jenkinsHome;
  }

  /** The empty repository's only commit, made on first use. */
  synchronized Revision empty() {
    if (empty != null) {
      return empty;
    }
    Path dir = jenkinsHome.resolve("empty-workspace");
    try {
      if (!Files.isDirectory(dir.resolve(".git"))) {
        FileTrees.deleteQuietly(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
          git.commit().setMessage("empty workspace for Jenkins jobs without a repository")
              .setAuthor("jx-engine", "jx-engine@localhost")
              .setCommitter("jx-engine", "jx-engine@localhost")
              .setAllowEmpty(true).setSign(false).call();
        }
      }
      try (Git git = Git.open(dir.toFile())) {
        empty = new Revision(dir.toUri().toString(),
            git.getRepository().resolve("HEAD").name());
      }
      return empty;
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("cannot make the empty workspace repository " + dir, e);
    }
  }

  /** The commit {@code branch} of {@code url} points at now. */
  Revision resolve(String url, String branch) {
    try {
      for (Ref ref : Git.lsRemoteRepository().setRemote(url).setHeads(true).setTags(true).call()) {
        if (ref.getName().equals("refs/heads/" + branch) || ref.getName().equals("refs/tags/" + branch)) {
          return new Revision(url, ref.getObjectId().name());
        }
      }
      throw JenkinsApiException.badRequest("the job's repository " + url + " has no branch "
          + branch);
    } catch (GitAPIException | RuntimeException e) {
      if (e instanceof JenkinsApiException j) {
        throw j;
      }
      throw JenkinsApiException.badRequest("cannot read the job's repository " + url + ": "
          + e.getMessage());
    }
  }

  /** The text of {@code path} at the revision. */
  String readFile(Revision revision, String path) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(jenkinsHome, "jenkinsfile");
      Path checkout = tmp.resolve("src");
      Workspaces.checkout(revision.url(), revision.sha(), checkout);
      Path file = checkout.resolve(path).normalize();
      // the path and any link in it must stay inside the checkout
      if (!file.startsWith(checkout) || !Files.isRegularFile(file)
          || !file.toRealPath().startsWith(checkout.toRealPath())) {
        throw JenkinsApiException.badRequest("no " + path + " in " + revision.url() + " at "
            + revision.sha());
      }
      if (Files.size(file) > MAX_JENKINSFILE) {
        throw JenkinsApiException.badRequest(path + " is larger than " + MAX_JENKINSFILE + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw JenkinsApiException.badRequest("cannot read " + path + " from " + revision.url() + ": "
          + e.getMessage());
    } finally {
      if (tmp != null) {
        FileTrees.deleteQuietly(tmp);
      }
    }
  }
}
