package io.jxengine.release;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Creates the annotated tag of a release on HEAD and pushes it, with JGit. Refuses a working tree
 * with uncommitted changes to tracked files (the tag would not name what was built) and a tag that
 * already names another commit. Tagging the same commit again is a no-op, so a re-run pipeline
 * still pushes. Not thread-safe for one repository (git itself is not).
 */
public final class ReleaseTagger {
  /** What was done: {@code created} is false when the tag was already on HEAD. */
  public record Result(String tag, String commit, boolean created, boolean pushed) {}

  private static final int MAX_LISTED = 5;

  private ReleaseTagger() {}

  /**
   * @param credentials for an HTTPS remote, or null (SSH keys and local remotes need none)
   */
  public static Result tag(Git git, String tag, String message, boolean push, String remote,
      CredentialsProvider credentials) throws IOException {
    if (!org.eclipse.jgit.lib.Repository.isValidRefName(Constants.R_TAGS + tag)) {
      throw new ReleaseException("'" + tag + "' is not a valid tag name");
    }
    var repo = git.getRepository();
    ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
    if (head == null) {
      throw new ReleaseException("nothing to tag: the repository has no commits");
    }
    refuseDirty(git);
    boolean created = false;
    Ref existing = repo.exactRef(Constants.R_TAGS + tag);
    try (RevWalk walk = new RevWalk(repo)) {
      if (existing != null) {
        ObjectId at = walk.parseCommit(existing.getObjectId());
        if (!at.equals(head)) {
          throw new ReleaseException("tag " + tag + " already exists on commit "
              + at.abbreviate(12).name() + ", not on HEAD " + head.abbreviate(12).name());
        }
      } else {
        git.tag().setName(tag).setAnnotated(true).setMessage(message)
            .setObjectId(walk.parseCommit(head)).setTagger(tagger(repo)).call();
        created = true;
      }
    } catch (GitAPIException e) {
      throw new ReleaseException("cannot create tag " + tag + ": " + e.getMessage(), e);
    }
    if (push) {
      push(git, tag, remote, credentials);
    }
    return new Result(tag, head.name(), created, push);
  }

  private static void refuseDirty(Git git) {
    Status status;
    try {
      status = git.status().call();
    } catch (GitAPIException e) {
      throw new ReleaseException("cannot read the working tree's status: " + e.getMessage(), e);
    }
    if (!status.hasUncommittedChanges()) {
      return;
    }
    TreeSet<String> paths = new TreeSet<>(status.getUncommittedChanges());
    List<String> shown = new ArrayList<>(paths).subList(0, Math.min(MAX_LISTED, paths.size()));
    throw new ReleaseException("the working tree has uncommitted changes (" + String.join(", ", shown)
        + (paths.size() > MAX_LISTED ? ", ..." : "") + "); commit or stash them before tagging");
  }

  private static void push(Git git, String tag, String remote, CredentialsProvider credentials) {
    String ref = Constants.R_TAGS + tag;
    Iterable<PushResult> results;
    try {
      var command = git.push().setRemote(remote).setRefSpecs(new RefSpec(ref + ":" + ref));
      if (credentials != null) {
        command.setCredentialsProvider(credentials);
      }
      results = command.call();
    } catch (GitAPIException e) {
      throw new ReleaseException("cannot push " + tag + " to " + remote + ": " + e.getMessage(), e);
    }
    for (PushResult result : results) {
      for (RemoteRefUpdate update : result.getRemoteUpdates()) {
        switch (update.getStatus()) {
          case OK, UP_TO_DATE -> { }
          default -> throw new ReleaseException("the remote " + remote + " refused " + tag + ": "
              + update.getStatus()
              + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
        }
      }
    }
  }

  /** The repository's configured identity, else "jxe": CI workspaces often have none. */
  private static PersonIdent tagger(org.eclipse.jgit.lib.Repository repo) {
    UserConfig user = repo.getConfig().get(UserConfig.KEY);
    String name = user.isCommitterNameImplicit() ? "jxe" : user.getCommitterName();
    String email = user.isCommitterEmailImplicit() ? "jxe@localhost" : user.getCommitterEmail();
    return new PersonIdent(name, email);
  }
}
