package io.jxengine.cli;

import io.jxengine.backend.StepReports;
import io.jxengine.release.ReleaseException;
import io.jxengine.release.ReleaseRepo;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import picocli.CommandLine.Option;

/** Options every {@code jxe step} command shares, and how they open the repository. */
final class StepOptions {
  @Option(names = "--dir", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path dir = Path.of(".");

  @Option(names = "--prefix", paramLabel = "TEXT", description = "Before the version in tag names (default: v).")
  String prefix = "v";

  Git open() throws IOException {
    if (!prefix.matches("[A-Za-z0-9._/-]{0,32}")) {
      throw new UserException("--prefix: '" + prefix + "' is not a tag prefix (letters, digits, . _ / -)",
          ExitCodes.USAGE);
    }
    try {
      return ReleaseRepo.open(dir);
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage());
    }
  }

  /**
   * Tells the engine and the later steps (when inside a pipeline) what this step found: a line in
   * {@code $JXE_ENV} (see {@link StepReports}).
   */
  static void report(String name, String value) {
    try {
      StepReports.append(System.getenv(), name, value);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException("cannot write $" + StepReports.ENV + ": " + e.getMessage());
    }
  }
}
