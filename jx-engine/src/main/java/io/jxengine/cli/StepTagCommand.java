package io.jxengine.cli;

import io.jxengine.release.NextVersion;
import io.jxengine.release.ReleaseException;
import io.jxengine.release.ReleaseTagger;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the annotated tag <prefix><version> on HEAD and, with --push, pushes it (JGit).",
      "Refuses uncommitted changes to tracked files and a tag that names another commit; the"
          + " same tag on HEAD already is fine (a re-run pushes it again).",
      "An HTTPS remote authenticates with $GIT_TOKEN (user $GIT_USERNAME, default x-access-token)."
    })
final class StepTagCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StepOptions options;

  @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version to tag (semver).")
  String version;

  @Option(names = "--push", description = "Push the tag to the remote.")
  boolean push;

  @Option(names = "--remote", paramLabel = "NAME", description = "The remote to push to (default: origin).")
  String remote = "origin";

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "The tag's message (default: Release <tag>).")
  String message;

  @Override
  public Integer call() throws IOException {
    ReleaseTagger.Result result;
    try (Git git = options.open()) {
      String tag = options.prefix + NextVersion.override(version, options.prefix);
      result = ReleaseTagger.tag(git, tag, message != null ? message : "Release " + tag, push,
          remote, credentials());
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage());
    }
    spec.commandLine().getOut().printf("%s %s on %s%s%n",
        result.created() ? "Tagged" : "Already tagged", result.tag(),
        result.commit().substring(0, 12), result.pushed() ? ", pushed to " + remote : "");
    return ExitCodes.OK;
  }

  private static CredentialsProvider credentials() {
    String token = System.getenv("GIT_TOKEN");
    if (token == null || token.isEmpty()) {
      return null;
    }
    String user = System.getenv().getOrDefault("GIT_USERNAME", "x-access-token");
    return new UsernamePasswordCredentialsProvider(user, token);
  }
}
