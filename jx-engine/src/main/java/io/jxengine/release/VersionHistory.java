package io.jxengine.release;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads a repository's release history with JGit: the highest version tag reachable from a commit
 * and the commits since it. Version tags are {@code <prefix>MAJOR.MINOR.PATCH}; pre-release tags
 * ({@code v1.2.0-rc.1}) are not releases and are skipped. The highest reachable version wins over
 * the nearest one, so a maintenance tag merged back never lowers the answer. Stateless; each call
 * opens its own walk.
 */
public final class VersionHistory {
  /** A version tag and the commit it names. */
  public record VersionTag(String name, SemVer version, String commit) {}

  /**
   * What a release starts from.
   *
   * @param last the last release reachable from {@code to}, or null when there is none
   * @param to the commit released now
   * @param toTime its committer time (the release notes' date, so they stay the same)
   * @param commits the commits reachable from {@code to} and not from {@code last}, newest first
   *     (topological, then by time)
   */
  public record History(
      VersionTag last, String to, Instant toTime, List<ConventionalCommit> commits) {}

  private VersionHistory() {}

  /**
   * @param rev the commit to release ({@code HEAD}, a branch, a tag, a SHA)
   * @param from the previous release's tag name, or null to find it
   * @param excludeTo leave out tags on {@code rev} itself (release notes of a commit just tagged)
   */
  public static History read(Repository repo, String rev, String from, String prefix,
      boolean excludeTo) throws IOException {
    ObjectId to = repo.resolve(rev + "^{commit}");
    if (to == null) {
      throw new ReleaseException(
          "'" + rev + "' is not a commit of " + repo.getDirectory() + " (no commits yet?)");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit toCommit = walk.parseCommit(to);
      VersionTag last = from != null ? named(repo, walk, from, prefix) : highest(repo, walk, toCommit, prefix, excludeTo);
      walk.reset();
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.COMMIT_TIME_DESC, true);
      walk.markStart(toCommit);
      if (last != null) {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(last.commit())));
      }
      List<ConventionalCommit> commits = new ArrayList<>();
      for (RevCommit c : walk) {
        commits.add(ConventionalCommit.parse(c.name(), c.getFullMessage()));
      }
      return new History(last, toCommit.name(),
          Instant.ofEpochSecond(toCommit.getCommitTime()), commits);
    }
  }

  private static VersionTag named(Repository repo, RevWalk walk, String tag, String prefix)
      throws IOException {
    String name = tag.startsWith(Constants.R_TAGS) ? tag.substring(Constants.R_TAGS.length()) : tag;
    Ref ref = repo.exactRef(Constants.R_TAGS + name);
    if (ref == null) {
      throw new ReleaseException("no tag '" + name + "' in " + repo.getDirectory());
    }
    RevCommit commit = walk.parseCommit(ref.getObjectId());
    SemVer version = SemVer.parseTag(name, prefix).orElse(null);
    return new VersionTag(name, version, commit.name());
  }

  /**
   * One walk from {@code to}, newest first, that stops as soon as no tag still unseen could beat
   * the best one found: versions usually rise along history, so the first tag met is typically
   * the answer and the walk ends there instead of visiting every commit.
   */
  private static VersionTag highest(Repository repo, RevWalk walk, RevCommit to, String prefix,
      boolean excludeTo) throws IOException {
    Map<ObjectId, VersionTag> byCommit = versionTags(repo, prefix);
    if (byCommit.isEmpty()) {
      return null;
    }
    TreeMap<SemVer, Integer> unseen = new TreeMap<>();
    byCommit.values().forEach(t -> unseen.merge(t.version(), 1, Integer::sum));
    walk.reset();
    walk.sort(RevSort.COMMIT_TIME_DESC);
    walk.markStart(to);
    VersionTag best = null;
    for (RevCommit c : walk) {
      VersionTag t = byCommit.get(c);
      if (t == null) {
        continue;
      }
      unseen.computeIfPresent(t.version(), (v, n) -> n == 1 ? null : n - 1);
      if (!(excludeTo && c.equals(to)) && (best == null || t.version().compareTo(best.version()) > 0)) {
        best = t;
      }
      if (best != null && (unseen.isEmpty() || best.version().compareTo(unseen.lastKey()) >= 0)) {
        break;
      }
    }
    return best;
  }

  /** The highest release tag on each commit. */
  static Map<ObjectId, VersionTag> versionTags(Repository repo, String prefix) throws IOException {
    Map<ObjectId, VersionTag> byCommit = new HashMap<>();
    for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + prefix)) {
      String name = ref.getName().substring(Constants.R_TAGS.length());
      SemVer v = SemVer.parseTag(name, prefix).orElse(null);
      if (v == null || v.isPreRelease()) {
        continue;
      }
      Ref peeled = ref.isPeeled() ? ref : repo.getRefDatabase().peel(ref);
      ObjectId commit = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
      VersionTag t = new VersionTag(name, v, commit.name());
      byCommit.merge(commit.copy(), t, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
    }
    return byCommit;
  }
}
