package io.jxengine.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Prepares a run's workspace: a copy of a local directory, or a checkout of one exact commit.
 * Errors are {@link IOException}s whose message says what failed; the engine reports them as
 * JX403. Stateless and thread-safe.
 */
public final class Workspaces {
  private Workspaces() {}

  /**
   * Copies {@code source} into {@code target}, everything including {@code .git}, keeping file
   * modes and times. Symbolic links are copied as links only when they point inside
   * {@code source} (absolute ones are made relative); links that lead outside are left out, so a
   * step cannot reach outside its workspace through the copy. Links are never followed. When
   * {@code target} lies inside {@code source} (such as {@code .jxe/} workspaces in the
   * repository), that subtree is not copied into itself.
   */
  public static void copyDirectory(Path source, Path target) throws IOException {
    Path from = source.toRealPath();
    Files.createDirectories(target);
    Path to = target.toRealPath();
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        if (dir.startsWith(to)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Path dest = to.resolve(from.relativize(dir).toString());
        Files.createDirectories(dest);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path dest = to.resolve(from.relativize(file).toString());
        if (attrs.isSymbolicLink()) {
          copyLink(from, file, dest);
        } else if (attrs.isRegularFile()) {
          Files.copy(file, dest, StandardCopyOption.COPY_ATTRIBUTES,
              StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
        // sockets, fifos and devices are not part of a workspace
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Path dest = to.resolve(from.relativize(dir).toString());
        Files.setLastModifiedTime(dest, Files.getLastModifiedTime(dir));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void copyLink(Path root, Path link, Path dest) throws IOException {
    Path pointsTo = Files.readSymbolicLink(link);
    Path resolved = link.getParent().resolve(pointsTo).normalize();
    if (!resolved.startsWith(root)) {
      return; // would escape the workspace
    }
    Path relative = pointsTo.isAbsolute() ? link.getParent().relativize(resolved) : pointsTo;
    Files.deleteIfExists(dest);
    Files.createSymbolicLink(dest, relative);
  }

  /**
   * Clones {@code gitUrl} into {@code target} and checks out {@code commitSha} (detached HEAD).
   *
   * @throws IOException when the clone fails or the commit is not in the repository
   */
  public static void checkout(String gitUrl, String commitSha, Path target) throws IOException {
    if (commitSha == null || !ObjectId.isId(commitSha)) {
      throw new IOException("not a full commit id: " + commitSha);
    }
    try (Git git = Git.cloneRepository()
        .setURI(gitUrl)
        .setDirectory(target.toFile())
        .setNoCheckout(true)
        .setCloneAllBranches(true)
        .call()) {
      ObjectId id = ObjectId.fromString(commitSha);
      if (!git.getRepository().getObjectDatabase().has(id)) {
        // A pull request's head lives outside refs/heads (refs/pull/N/head, a fork's head in the
        // engine's mirror), which a clone does not take; fetch every ref once more for it.
        git.fetch().setRemote("origin")
            .setRefSpecs(new RefSpec("+refs/*:refs/remotes/origin-all/*")).call();
      }
      if (!git.getRepository().getObjectDatabase().has(id)) {
        throw new IOException("commit " + commitSha + " is not in " + gitUrl);
      }
      // Detach HEAD at the commit, then write index and files: the clone has no working tree
      // yet, which a plain checkout would see as conflicts with the branch it left.
      RefUpdate head = git.getRepository().updateRef(Constants.HEAD, true);
      head.setNewObjectId(id);
      head.forceUpdate();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commitSha).call();
    } catch (GitAPIException | RuntimeException e) {
      throw new IOException("cannot check out " + commitSha + " from " + gitUrl + ": "
          + e.getMessage(), e);
    }
  }
}
