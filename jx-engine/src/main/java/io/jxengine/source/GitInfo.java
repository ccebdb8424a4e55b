package io.jxengine.source;

import io.jxengine.engine.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Describes a local directory as a {@link RunContext} for {@code jxe run}. Reads the repository
 * with JGit (no git binary needed). Stateless and thread-safe.
 */
public final class GitInfo {
  static final String DEFAULT_VERSION = "0.0.0-SNAPSHOT";

  private GitInfo() {}

  /**
   * A RunContext for {@code dir}. If {@code dir} is a git repository: owner/repo from the
   * {@code origin} URL ({@link GitUrls}; without one owner {@code local} and repo = the directory's
   * name), branch from HEAD ({@code HEAD} when detached), sha, commit message, author, the tag
   * pointing at HEAD (then the event is {@code tag}, else {@code push}). Not a repository: owner
   * {@code local}, repo = the directory's name, branch {@code local}. Job type
   * {@code postsubmit}. Changed paths are null (unknown) unless {@code changedSince} is given:
   * then the paths changed from that revision to HEAD plus uncommitted changes.
   *
   * @param event overrides the detected event when non-null
   * @param version used when non-null, else {@code git describe --tags}, else 0.0.0-SNAPSHOT
   * @throws IllegalArgumentException when {@code changedSince} names no commit of the repository
   */
  public static RunContext detect(
      Path dir, String event, String version, String changedSince) {
    Path abs = dir.toAbsolutePath().normalize();
    String dirName = abs.getFileName() == null ? "local" : abs.getFileName().toString();
    if (!Files.exists(abs.resolve(".git"))) {
      if (changedSince != null) {
        throw new IllegalArgumentException(abs + " is not a git repository; cannot compute "
            + "changes since " + changedSince);
      }
      return new RunContext("local", dirName, "local", null, event != null ? event : "push",
          abs.toUri().toString(), "", "", "", null, null, null, null,
          version != null ? version : DEFAULT_VERSION, "postsubmit", null);
    }
    try (Git git = Git.open(abs.toFile())) {
      return fromRepository(git, abs, dirName, event, version, changedSince);
    } catch (IOException | GitAPIException e) {
      throw new IllegalArgumentException("cannot read the git repository in " + abs + ": "
          + e.getMessage(), e);
    }
  }

  private static RunContext fromRepository(Git git, Path abs, String dirName, String event,
      String version, String changedSince) throws IOException, GitAPIException {
    Repository repo = git.getRepository();
    String originUrl = repo.getConfig().getString("remote", "origin", "url");
    GitUrls.OwnerRepo names = GitUrls.parse(originUrl);
    String owner = names == null ? "local" : names.owner();
    String name = names == null ? dirName : names.repo();
    String full = repo.getFullBranch();
    String branch = full != null && full.startsWith(Constants.R_HEADS)
        ? full.substring(Constants.R_HEADS.length()) : "HEAD";
    ObjectId head = repo.resolve(Constants.HEAD);
    String sha = "";
    String message = "";
    String author = "";
    String tag = null;
    if (head != null) {
      try (RevWalk walk = new RevWalk(repo)) {
        RevCommit commit = walk.parseCommit(head);
        sha = commit.getName();
        message = commit.getFullMessage().stripTrailing();
        author = commit.getAuthorIdent().getName();
      }
      tag = tagAt(repo, head);
    }
    String v = version;
    if (v == null) {
      String described = head == null ? null : git.describe().setTags(true).call();
      v = described != null ? described : DEFAULT_VERSION;
    }
    List<String> changed = changedSince == null ? null : changedPaths(git, changedSince);
    return new RunContext(owner, name, branch, tag,
        event != null ? event : tag != null ? "tag" : "push",
        originUrl != null ? originUrl : abs.toUri().toString(),
        sha, message, author, null, null, null, null, v, "postsubmit", changed);
  }

  private static String tagAt(Repository repo, ObjectId head) throws IOException {
    TreeSet<String> tags = new TreeSet<>();
    for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
      Ref peeled = repo.getRefDatabase().peel(ref);
      ObjectId target = peeled.getPeeledObjectId() != null
          ? peeled.getPeeledObjectId() : peeled.getObjectId();
      if (head.equals(target)) {
        tags.add(ref.getName().substring(Constants.R_TAGS.length()));
      }
    }
    return tags.isEmpty() ? null : tags.first();
  }

  private static List<String> changedPaths(Git git, String since)
      throws IOException, GitAPIException {
    Repository repo = git.getRepository();
    ObjectId base = repo.resolve(since + "^{commit}");
    if (base == null) {
      throw new IllegalArgumentException("unknown revision for changes: " + since);
    }
    TreeSet<String> paths = new TreeSet<>();
    ObjectId headTree = repo.resolve(Constants.HEAD + "^{tree}");
    try (ObjectReader reader = headTree == null ? null : repo.newObjectReader()) {
      if (reader == null) {
        return List.copyOf(uncommitted(git, paths)); // nothing committed yet
      }
      CanonicalTreeParser oldTree = new CanonicalTreeParser();
      oldTree.reset(reader, repo.resolve(since + "^{tree}"));
      CanonicalTreeParser newTree = new CanonicalTreeParser();
      newTree.reset(reader, headTree);
      for (DiffEntry d : git.diff().setOldTree(oldTree).setNewTree(newTree).call()) {
        if (d.getChangeType() != DiffEntry.ChangeType.DELETE) {
          paths.add(d.getNewPath());
        }
        if (d.getChangeType() != DiffEntry.ChangeType.ADD) {
          paths.add(d.getOldPath());
        }
      }
    }
    return List.copyOf(uncommitted(git, paths));
  }

  private static TreeSet<String> uncommitted(Git git, TreeSet<String> paths)
      throws GitAPIException {
    Status status = git.status().call();
    paths.addAll(status.getAdded());
    paths.addAll(status.getChanged());
    paths.addAll(status.getModified());
    paths.addAll(status.getRemoved());
    paths.addAll(status.getMissing());
    paths.addAll(status.getUntracked());
    paths.addAll(status.getConflicting());
    return paths;
  }
}
