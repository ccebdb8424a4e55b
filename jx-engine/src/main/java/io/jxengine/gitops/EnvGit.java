package io.jxengine.gitops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A working clone of an environment repository (JGit), with the few operations a promotion needs.
 * Not thread-safe: one per promotion attempt. Every git failure is a {@link PromotionException}
 * saying which operation failed.
 */
final class EnvGit implements AutoCloseable {
  static final PersonIdent ENGINE = new PersonIdent("jx-engine", "jx-engine@localhost");

  private final Git git;
  private final Path dir;
  private final String url;
  private final CredentialsProvider credentials;

  private EnvGit(Git git, Path dir, String url, CredentialsProvider credentials) {
    this.git = git;
    this.dir = dir;
    this.url = url;
    this.credentials = credentials;
  }

  /** Clones {@code url} at {@code branch} into the empty directory {@code dir}. */
  static EnvGit clone(String url, String branch, Path dir, CredentialsProvider credentials) {
    try {
      Git git = Git.cloneRepository().setURI(url).setBranch(branch).setDirectory(dir.toFile())
          .setCredentialsProvider(credentials).call();
      return new EnvGit(git, dir, url, credentials);
    } catch (GitAPIException | RuntimeException e) {
      throw new PromotionException("cannot clone the environment repository " + url + ": " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  /** The tip of {@code branch} on the remote, or null when there is no such branch. */
  String remoteTip(String branch) {
    try {
      Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setHeads(true)
          .setCredentialsProvider(credentials).call();
      for (Ref ref : refs) {
        if (ref.getName().equals("refs/heads/" + branch)) {
          return ref.getObjectId().name();
        }
      }
      return null;
    } catch (GitAPIException | RuntimeException e) {
      throw new PromotionException("cannot list the branches of " + url + ": " + e.getMessage(), e);
    }
  }

  /** Fetches {@code branch} and checks it out as a local branch of the same name, detached from others. */
  void checkoutRemote(String branch) {
    try {
      git.fetch().setRemote("origin").setCredentialsProvider(credentials)
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
      if (isCurrent(branch)) {
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
            .setRef("refs/remotes/origin/" + branch).call();
      } else {
        recreate(branch, "refs/remotes/origin/" + branch);
      }
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw new PromotionException("cannot fetch branch " + branch + " of " + url + ": " + e.getMessage(), e);
    }
  }

  /** Starts {@code branch} (replacing a local one) at the remote's {@code base}, freshly fetched. */
  void startBranch(String branch, String base) {
    try {
      git.fetch().setRemote("origin").setCredentialsProvider(credentials)
          .setRefSpecs(new RefSpec("+refs/heads/" + base + ":refs/remotes/origin/" + base)).call();
      git.checkout().setName(base).setForced(true).call();
      git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
          .setRef("refs/remotes/origin/" + base).call();
      if (!branch.equals(base)) {
        recreate(branch, "refs/remotes/origin/" + base);
      }
    } catch (GitAPIException | RuntimeException e) {
      throw new PromotionException("cannot start branch " + branch + " at " + base + ": " + e.getMessage(), e);
    }
  }

  /** Checks out a new local {@code branch} at {@code startPoint}, dropping an earlier one (never the current). */
  private void recreate(String branch, String startPoint) throws GitAPIException {
    git.branchDelete().setBranchNames("refs/heads/" + branch).setForce(true).call();
    git.checkout().setName(branch).setCreateBranch(true).setForced(!"HEAD".equals(startPoint))
        .setStartPoint(startPoint).call();
  }

  /** True when {@code branch} is checked out now (it cannot be re-created under itself). */
  private boolean isCurrent(String branch) throws IOException {
    return branch.equals(git.getRepository().getBranch());
  }

  /** Creates {@code branch} at HEAD and checks it out, keeping the working tree's changes. */
  void branchHere(String branch) {
    try {
      recreate(branch, "HEAD");
    } catch (GitAPIException | RuntimeException e) {
      throw new PromotionException("cannot create branch " + branch + ": " + e.getMessage(), e);
    }
  }

  /** Commits every change of the working tree; returns the new commit's SHA. */
  String commitAll(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit().setMessage(message).setAuthor(ENGINE).setCommitter(ENGINE).call().name();
    } catch (GitAPIException | RuntimeException e) {
      throw new PromotionException("cannot commit in the environment repository: " + e.getMessage(), e);
    }
  }

  String head() {
    try {
      ObjectId id = git.getRepository().resolve("HEAD");
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new PromotionException("cannot read HEAD: " + e.getMessage(), e);
    }
  }

  /**
   * Pushes HEAD to {@code remoteBranch}. Returns false when the remote refused a non-fast-forward
   * (someone else pushed first); other refusals are errors.
   */
  boolean push(String remoteBranch, boolean force) {
    // A push racing another one into the same local repository can find the ref locked: that
    // is transient, so try again a few times before calling it a refusal.
    for (int attempt = 1; ; attempt++) {
      try {
        return pushOnce(remoteBranch, force);
      } catch (RefLocked e) {
        if (attempt >= 10) {
          throw new PromotionException("the push to " + remoteBranch + " of " + url
              + " was refused: the branch stayed locked by other pushes", null);
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new PromotionException("the promotion was interrupted", ie);
        }
      }
    }
  }

  /** Another push held the ref's lock. */
  private static final class RefLocked extends RuntimeException {
    RefLocked() {
      super(null, null, false, false);
    }
  }

  private boolean pushOnce(String remoteBranch, boolean force) {
    try {
      Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
          .setRefSpecs(new RefSpec((force ? "+" : "") + "HEAD:refs/heads/" + remoteBranch)).call();
      for (PushResult r : results) {
        for (RemoteRefUpdate u : r.getRemoteUpdates()) {
          switch (u.getStatus()) {
            case OK, UP_TO_DATE -> { }
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
              return false;
            }
            case REJECTED_OTHER_REASON -> {
              if (u.getMessage() != null && u.getMessage().contains("lock")) {
                throw new RefLocked();
              }
              throw new PromotionException("the push to " + remoteBranch + " of " + url
                  + " was refused: " + u.getMessage(), null);
            }
            default -> throw new PromotionException("the push to " + remoteBranch + " of " + url
                + " was refused: " + u.getStatus() + (u.getMessage() == null ? "" : " " + u.getMessage()), null);
          }
        }
      }
      return true;
    } catch (GitAPIException | RuntimeException e) {
      if (e instanceof PromotionException || e instanceof RefLocked) {
        throw (RuntimeException) e;
      }
      throw new PromotionException("cannot push to " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
