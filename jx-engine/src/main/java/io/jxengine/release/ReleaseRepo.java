package io.jxengine.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens the git repository a release step works on. Stateless. */
public final class ReleaseRepo {
  private ReleaseRepo() {}

  /**
   * The repository containing {@code dir} (searching its parents, as git does).
   *
   * @throws ReleaseException when {@code dir} is not inside a git repository
   */
  public static Git open(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ReleaseException(abs + " is not a directory");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
    if (builder.getGitDir() == null) {
      throw new ReleaseException(abs + " is not inside a git repository");
    }
    return new Git(builder.setMustExist(true).build());
  }

  /** The URL of {@code remote}, or null when the repository has no such remote. */
  public static String remoteUrl(Git git, String remote) {
    return git.getRepository().getConfig().getString("remote", remote, "url");
  }
}
