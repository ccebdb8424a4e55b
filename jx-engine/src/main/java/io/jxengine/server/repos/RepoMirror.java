package io.jxengine.server.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A bare mirror of a registered repository under {@code $JXE_HOME/mirrors/<id>.git}, so the engine
 * can read pipeline files and compute changed paths at any commit without a checkout. Branches
 * and tags are mirrored as they are on the remote ({@link #fetch} prunes deleted ones).
 *
 * <p>Threading: every method is synchronized on the mirror, so a fetch never overlaps a read.
 * Errors: the remote or the mirror failing is an {@link IOException} naming the repository;
 * a commit or path that does not exist is an empty result.
 */
public final class RepoMirror implements AutoCloseable {
  private static final String ZERO_SHA = ObjectId.zeroId().name();
  private static final int FETCH_TIMEOUT_SECONDS = 60;

  private final Path gitDir;
  private final String cloneUrl;
  private Git git;

  public RepoMirror(Path gitDir, String cloneUrl) {
    this.gitDir = gitDir;
    this.cloneUrl = cloneUrl;
  }

  /** The mirror of {@code repo} under a JXE_HOME root. */
  public static RepoMirror of(Path jxeHome, Repository repo) {
    return new RepoMirror(jxeHome.resolve("mirrors").resolve(repo.id() + ".git"), repo.cloneUrl());
  }

  public Path gitDir() {
    return gitDir;
  }

  /** Brings the mirror up to date with the remote, creating it on first use. */
  public synchronized void fetch() throws IOException {
    try {
      Git g = open();
      g.fetch()
          .setRemote(cloneUrl)
          .setRefSpecs(
              new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
          .setRemoveDeletedRefs(true)
          .setTimeout(FETCH_TIMEOUT_SECONDS)
          .call();
    } catch (GitAPIException | RuntimeException e) {
      throw new IOException("cannot fetch " + cloneUrl + " into " + gitDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commit a branch, tag, full ref or sha names in the mirror (branches win over tags, as in
   * git), or empty.
   */
  public synchronized Optional<String> resolve(String ref) throws IOException {
    var repository = open().getRepository();
    for (String candidate : List.of(ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
      if (!candidate.startsWith(Constants.R_REFS)) {
        continue;
      }
      Ref found = repository.exactRef(candidate);
      if (found != null) {
        return Optional.of(peel(repository, found.getObjectId()).name());
      }
    }
    if (ref.matches("[0-9a-f]{40}")) {
      ObjectId id = ObjectId.fromString(ref);
      return repository.getObjectDatabase().has(id) ? Optional.of(id.name()) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The file at {@code path} in commit {@code sha} as UTF-8 text, or empty when absent. */
  public synchronized Optional<String> readFile(String sha, String path) throws IOException {
    var repository = open().getRepository();
    Optional<RevTree> tree = tree(sha);
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree.get())) {
      if (walk == null || (walk.getRawMode(0) & 0170000) != 0100000) {
        return Optional.empty();
      }
      byte[] bytes = repository.open(walk.getObjectId(0)).getBytes();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * The pipeline files of commit {@code sha}, path → content: {@code .jx/pipeline.yaml} (or
   * {@code .yml}) first, then {@code .jx/pipelines/*.yaml|yml} by path, as {@code
   * PipelineLocator} finds them in a checkout.
   */
  public synchronized Map<String, String> pipelineFiles(String sha) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String main : List.of(".jx/pipeline.yaml", ".jx/pipeline.yml")) {
      Optional<String> text = readFile(sha, main);
      if (text.isPresent()) {
        out.put(main, text.get());
        break;
      }
    }
    Optional<RevTree> tree = tree(sha);
    if (tree.isEmpty()) {
      return out;
    }
    var repository = open().getRepository();
    TreeSet<String> more = new TreeSet<>();
    try (TreeWalk dir = TreeWalk.forPath(repository, ".jx/pipelines", tree.get())) {
      if (dir != null && dir.isSubtree()) {
        try (TreeWalk walk = new TreeWalk(repository)) {
          walk.addTree(dir.getObjectId(0));
          walk.setRecursive(false);
          while (walk.next()) {
            String name = walk.getNameString();
            if (!walk.isSubtree() && name.matches(".+\\.ya?ml")) {
              more.add(".jx/pipelines/" + name);
            }
          }
        }
      }
    }
    for (String path : more) {
      readFile(sha, path).ifPresent(text -> out.put(path, text));
    }
    return out;
  }

  /**
   * Paths that differ between two commits (added, modified, deleted; both sides of a rename).
   * A null or all-zero {@code from} (a new branch) gives every file of {@code to}.
   *
   * @throws IOException when {@code to} (or a non-zero {@code from}) is not in the mirror
   */
  public synchronized List<String> changedPaths(String from, String to) throws IOException {
    var repository = open().getRepository();
    RevTree newTree = tree(to).orElseThrow(() -> new IOException("no commit " + to + " in " + gitDir));
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(repository, reader)) {
      walk.setRecursive(true);
      if (from == null || from.equals(ZERO_SHA)) {
        walk.addTree(new EmptyTreeIterator());
      } else {
        RevTree oldTree =
            tree(from).orElseThrow(() -> new IOException("no commit " + from + " in " + gitDir));
        walk.addTree(new CanonicalTreeParser(null, reader, oldTree));
      }
      walk.addTree(new CanonicalTreeParser(null, reader, newTree));
      walk.setFilter(TreeFilter.ANY_DIFF);
      TreeSet<String> paths = new TreeSet<>();
      for (DiffEntry e : DiffEntry.scan(walk)) {
        if (e.getOldPath() != null && !e.getOldPath().equals(DiffEntry.DEV_NULL)) {
          paths.add(e.getOldPath());
        }
        if (e.getNewPath() != null && !e.getNewPath().equals(DiffEntry.DEV_NULL)) {
          paths.add(e.getNewPath());
        }
      }
      return new ArrayList<>(paths);
    }
  }

  private Optional<RevTree> tree(String sha) throws IOException {
    if (sha == null || !sha.matches("[0-9a-f]{40}")) {
      return Optional.empty();
    }
    var repository = open().getRepository();
    ObjectId id = ObjectId.fromString(sha);
    if (!repository.getObjectDatabase().has(id)) {
      return Optional.empty();
    }
    try (RevWalk rw = new RevWalk(repository)) {
      RevCommit commit = rw.parseCommit(id);
      return Optional.of(commit.getTree());
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  private static ObjectId peel(org.eclipse.jgit.lib.Repository repository, ObjectId id)
      throws IOException {
    try (RevWalk rw = new RevWalk(repository)) {
      return rw.peel(rw.parseAny(id)).getId();
    }
  }

  private Git open() throws IOException {
    if (git == null) {
      try {
        if (Files.isDirectory(gitDir.resolve("objects"))) {
          git = Git.open(gitDir.toFile());
        } else {
          Files.createDirectories(gitDir);
          git = Git.init().setBare(true).setGitDir(gitDir.toFile()).call();
        }
      } catch (GitAPIException e) {
        throw new IOException("cannot create the mirror " + gitDir + ": " + e.getMessage(), e);
      }
    }
    return git;
  }

  @Override
  public synchronized void close() {
    if (git != null) {
      git.close();
      git = null;
    }
  }
}
