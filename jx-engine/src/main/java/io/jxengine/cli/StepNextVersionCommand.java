package io.jxengine.cli;

import io.jxengine.backend.StepReports;
import io.jxengine.release.NextVersion;
import io.jxengine.release.ReleaseException;
import io.jxengine.release.SemVer;
import io.jxengine.release.VersionHistory;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "next-version",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the next semantic version: from the highest version tag reachable from HEAD and the"
          + " conventional commits since it (fix: patch, feat: minor, ! or BREAKING CHANGE: major;"
          + " below 1.0.0 a breaking change bumps minor). No version tag yet: 0.1.0.",
      "--verbose adds, on stderr, the tag it started from and why it bumped."
    })
final class StepNextVersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StepOptions options;

  @Option(names = "--override", paramLabel = "VERSION", description = "Use this version instead (must be semver).")
  String override;

  @Option(names = {"-v", "--verbose"}, description = "Explain the answer on stderr.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    SemVer next;
    try (Git git = options.open()) {
      if (override != null) {
        next = NextVersion.override(override, options.prefix);
      } else {
        VersionHistory.History h =
            VersionHistory.read(git.getRepository(), "HEAD", null, options.prefix, false);
        next = NextVersion.next(h.last() == null ? null : h.last().version(), h.commits());
        if (verbose) {
          spec.commandLine().getErr().printf("jxe: %s, %d commit(s) since%n",
              h.last() == null ? "no version tag yet" : "last release " + h.last().name(),
              h.commits().size());
        }
      }
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage());
    }
    spec.commandLine().getOut().println(next);
    StepOptions.report(StepReports.RELEASE_VERSION, next.toString());
    return ExitCodes.OK;
  }
}
