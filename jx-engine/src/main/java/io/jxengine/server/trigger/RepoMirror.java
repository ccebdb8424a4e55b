package io.jxengine.server.trigger;

import io.jxengine.scm.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The engine's bare mirror of one registered repository, under {@code
 * $JXE_HOME/mirrors/<repoId>.git}: branches, tags and pull-request heads, fetched on demand, read
 * without a working tree.
 *
 * <p>Threading: every method takes a lock per mirror directory, so fetches of one repository do
 * not race each other (JGit's ref locks would fail the second one) and reads see whole fetches.
 *
 * <p>Errors: failures of git (unreachable remote, damaged repository) are {@link
 * MirrorException}s; a commit or file that is not there is an empty result, not an exception.
 * Callers validate every name that comes from a webhook ({@link GitNames}) before passing it.
 */
public final class RepoMirror {
  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final String remoteUrl;
  private final ProviderKind kind;
  private final Object lock;

  public RepoMirror(Path dir, String remoteUrl, ProviderKind kind) {
    this.dir = dir.toAbsolutePath().normalize();
    this.remoteUrl = remoteUrl;
    this.kind = kind;
    this.lock = LOCKS.computeIfAbsent(this.dir, d -> new Object());
  }

  /** The mirror of {@code repoId} below {@code mirrorsDir}. */
  public static RepoMirror of(Path mirrorsDir, long repoId, String remoteUrl, ProviderKind kind) {
    return new RepoMirror(mirrorsDir.resolve(repoId + ".git"), remoteUrl, kind);
  }

  /** The mirror of a registered repository below {@code mirrorsDir}. */
  public static RepoMirror of(Path mirrorsDir, io.jxengine.server.repos.Repository repo) {
    return of(mirrorsDir, repo.id(), repo.cloneUrl(), repo.provider());
  }

  /** The mirror's directory, usable as a clone URL for workspaces. */
  public Path dir() {
    return dir;
  }

  /**
   * Fetches branches, tags and pull-request heads ({@code refs/pull/*}{@code /head} on GitHub,
   * Gitea and plain git, {@code refs/merge-requests/*}{@code /head} on GitLab), creating the
   * mirror first if needed. Branches and tags deleted upstream go away here too.
   */
  public void fetch() {
    List<RefSpec> specs = new ArrayList<>();
    specs.add(new RefSpec("+refs/heads/*:refs/heads/*"));
    specs.add(new RefSpec("+refs/tags/*:refs/tags/*"));
    specs.add(
        kind == ProviderKind.GITLAB
            ? new RefSpec("+refs/merge-requests/*/head:refs/merge-requests/*/head")
            : new RefSpec("+refs/pull/*/head:refs/pull/*/head"));
    fetch(remoteUrl, specs, true);
  }

  /**
   * Fetches a fork's branch into {@code refs/jxe/pr/<number>}.
   *
   * @throws IllegalArgumentException for a branch name that is not safe ({@link
   *     GitNames#isSafeBranch}) or a number below 1
   */
  public void fetchForkHead(String headCloneUrl, String branch, int number) {
    if (!GitNames.isSafeBranch(branch) || number < 1) {
      throw new IllegalArgumentException("refusing to fetch branch " + branch + " of #" + number);
    }
    fetch(headCloneUrl, List.of(new RefSpec("+refs/heads/" + branch + ":" + forkRef(number))), false);
  }

  /** Where {@link #fetchForkHead} puts a fork's head. */
  public static String forkRef(int number) {
    return "refs/jxe/pr/" + number;
  }

  /** The ref a provider keeps a pull request's head under, as fetched by {@link #fetch()}. */
  public String pullRef(int number) {
    return kind == ProviderKind.GITLAB
        ? "refs/merge-requests/" + number + "/head"
        : "refs/pull/" + number + "/head";
  }

  /** The commit a full ref name points to, such as {@code refs/heads/main}. */
  public Optional<String> resolve(String refName) {
    return withRepo(
        repo -> {
          Ref ref = repo.exactRef(refName);
          if (ref == null || ref.getObjectId() == null) {
            return Optional.<String>empty();
          }
          ObjectId peeled = repo.getRefDatabase().peel(ref).getPeeledObjectId();
          return Optional.of((peeled != null ? peeled : ref.getObjectId()).name());
        },
        Optional.empty());
  }

  public boolean hasCommit(String sha) {
    return commitId(sha).isPresent();
  }

  /** The commit {@code sha} names, peeling an annotated tag; empty when it is not here. */
  public Optional<String> commitId(String sha) {
    return withRepo(
        repo -> Optional.ofNullable(commitOf(repo, sha)).map(RevCommit::name), Optional.empty());
  }

  /** The message and author name of a commit. */
  public Optional<CommitInfo> commit(String sha) {
    return withRepo(
        repo -> {
          RevCommit c = commitOf(repo, sha);
          return c == null
              ? Optional.<CommitInfo>empty()
              : Optional.of(new CommitInfo(c.getFullMessage(), c.getAuthorIdent().getName()));
        },
        Optional.empty());
  }

  /** A commit's message and author. */
  public record CommitInfo(String message, String author) {}

  /** A file's text at a commit; empty when the commit or the file is missing. */
  public Optional<String> readFile(String sha, String path) {
    return withRepo(
        repo -> {
          RevCommit c = commitOf(repo, sha);
          if (c == null) {
            return Optional.<String>empty();
          }
          try (TreeWalk walk = TreeWalk.forPath(repo, path, c.getTree())) {
            if (walk == null || (walk.getRawMode(0) & 0170000) != 0100000) {
              return Optional.<String>empty();
            }
            byte[] bytes = repo.open(walk.getObjectId(0)).getBytes();
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
          }
        },
        Optional.empty());
  }

  /**
   * The pipeline files at a commit, path → text: {@code .jx/pipeline.yaml} (or {@code .yml}), then
   * {@code .jx/pipelines/*.yaml|yml} sorted by path.
   */
  public Map<String, String> pipelineFiles(String sha) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String main : List.of(".jx/pipeline.yaml", ".jx/pipeline.yml")) {
      Optional<String> text = readFile(sha, main);
      if (text.isPresent()) {
        out.put(main, text.get());
        break;
      }
    }
    filesUnder(sha, ".jx/pipelines").entrySet().stream()
        .filter(e -> e.getKey().matches("\\.jx/pipelines/[^/]+\\.ya?ml"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8)));
    return out;
  }

  /** Every regular file below {@code dir} at a commit, path → bytes. */
  public Map<String, byte[]> filesUnder(String sha, String dirPath) {
    return withRepo(
        repo -> {
          Map<String, byte[]> files = new LinkedHashMap<>();
          RevCommit c = commitOf(repo, sha);
          if (c == null) {
            return files;
          }
          try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(c.getTree());
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(dirPath));
            while (walk.next()) {
              if ((walk.getRawMode(0) & 0170000) == 0100000) {
                files.put(walk.getPathString(), repo.open(walk.getObjectId(0)).getBytes());
              }
            }
          }
          return files;
        },
        Map.of());
  }

  /**
   * The paths that differ between two commits (both sides of a rename). With no usable {@code
   * fromSha} (null, all zeros: a created branch) it is the new commit against its first parent,
   * or every file of a root commit. Empty when {@code toSha} is not in the mirror; null when
   * {@code fromSha} is given but missing (a force push the mirror never saw): callers then fall
   * back to the payload's list.
   */
  public List<String> changedPaths(String fromSha, String toSha) {
    return withRepo(
        repo -> {
          RevCommit to = commitOf(repo, toSha);
          if (to == null) {
            return List.<String>of();
          }
          RevCommit from;
          if (fromSha == null || GitNames.isZeroSha(fromSha)) {
            from = to.getParentCount() > 0 ? commitOf(repo, to.getParent(0).name()) : null;
          } else {
            from = commitOf(repo, fromSha);
            if (from == null) {
              return null;
            }
          }
          return diff(repo, from, to);
        },
        null);
  }

  /** The best common ancestor of two commits, if any. */
  public Optional<String> mergeBase(String a, String b) {
    return withRepo(
        repo -> {
          try (RevWalk walk = new RevWalk(repo)) {
            RevCommit ca = parse(walk, a);
            RevCommit cb = parse(walk, b);
            if (ca == null || cb == null) {
              return Optional.<String>empty();
            }
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(ca);
            walk.markStart(cb);
            RevCommit base = walk.next();
            return base == null ? Optional.<String>empty() : Optional.of(base.name());
          }
        },
        Optional.empty());
  }

  private static List<String> diff(Repository repo, RevCommit from, RevCommit to)
      throws IOException {
    Set<String> paths = new LinkedHashSet<>();
    try (DiffFormatter fmt = new DiffFormatter(DisabledOutputStream.INSTANCE);
        ObjectReader reader = repo.newObjectReader()) {
      fmt.setRepository(repo);
      CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, to.getTree());
      List<DiffEntry> entries =
          from == null
              ? fmt.scan(new EmptyTreeIterator(), newTree)
              : fmt.scan(new CanonicalTreeParser(null, reader, from.getTree()), newTree);
      for (DiffEntry e : entries) {
        if (!DiffEntry.DEV_NULL.equals(e.getOldPath())) {
          paths.add(e.getOldPath());
        }
        if (!DiffEntry.DEV_NULL.equals(e.getNewPath())) {
          paths.add(e.getNewPath());
        }
      }
    }
    return new ArrayList<>(paths);
  }

  private void fetch(String url, List<RefSpec> specs, boolean prune) {
    synchronized (lock) {
      try (Repository repo = openOrCreate(); Git git = new Git(repo)) {
        FetchResult result =
            git.fetch()
                .setRemote(url)
                .setRefSpecs(specs)
                .setRemoveDeletedRefs(prune)
                .setTagOpt(org.eclipse.jgit.transport.TagOpt.NO_TAGS)
                .call();
        if (prune) {
          pointHead(repo, result);
        }
      } catch (GitAPIException | IOException | RuntimeException e) {
        throw new MirrorException("cannot fetch " + url + " into " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Points the mirror's HEAD at the remote's default branch (or, failing that, at some branch),
   * since a clone of the mirror, as workspaces are made, needs a HEAD that resolves.
   */
  private static void pointHead(Repository repo, FetchResult result) throws IOException {
    Ref head = repo.exactRef(Constants.HEAD);
    if (head != null && head.getObjectId() != null) {
      return;
    }
    List<Ref> branches = repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
    if (branches.isEmpty()) {
      return;
    }
    Ref advertised = result.getAdvertisedRef(Constants.HEAD);
    String target = branches.get(0).getName();
    if (advertised != null && advertised.isSymbolic()) {
      target = advertised.getTarget().getName();
    } else if (advertised != null && advertised.getObjectId() != null) {
      for (Ref b : branches) {
        if (advertised.getObjectId().equals(b.getObjectId())) {
          target = b.getName();
          if (b.getName().equals("refs/heads/main") || b.getName().equals("refs/heads/master")) {
            break;
          }
        }
      }
    }
    if (repo.exactRef(target) != null) {
      repo.updateRef(Constants.HEAD).link(target);
    }
  }

  private Repository openOrCreate() throws IOException {
    Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!repo.getObjectDatabase().exists()) {
      repo.create(true);
    }
    return repo;
  }

  @FunctionalInterface
  private interface RepoWork<T> {
    T run(Repository repo) throws IOException;
  }

  /** Runs a read; a mirror that does not exist yet reads as {@code absent}. */
  private <T> T withRepo(RepoWork<T> work, T absent) {
    synchronized (lock) {
      if (!dir.resolve("objects").toFile().isDirectory()) {
        return absent;
      }
      try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
        return work.run(repo);
      } catch (IOException e) {
        throw new MirrorException("cannot read the mirror " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static RevCommit commitOf(Repository repo, String sha) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return parse(walk, sha);
    }
  }

  private static RevCommit parse(RevWalk walk, String sha) throws IOException {
    if (!GitNames.isSha(sha)) {
      return null;
    }
    ObjectId id = ObjectId.fromString(sha);
    if (!walk.getObjectReader().has(id)) {
      return null;
    }
    try {
      return walk.parseCommit(id);
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return null;
    }
  }

  /** Git failed: the remote is unreachable, or the mirror is damaged. */
  public static final class MirrorException extends RuntimeException {
    public MirrorException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public String toString() {
    return "RepoMirror[" + dir + " ← " + remoteUrl + "]";
  }

  /** {@code refs/heads/<branch>}, for a branch that passed {@link GitNames#isSafeBranch}. */
  public static String headsRef(String branch) {
    return Constants.R_HEADS + branch;
  }
}
