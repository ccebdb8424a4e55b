package io.jxengine.cli;

import io.jxengine.activity.Activity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "logs",
    aliases = {"log"},
    mixinStandardHelpOptions = true,
    description = {
      "Prints the logs of a build: the newest one, the newest of a pipeline, or `#N`.",
      "With -f, keeps printing new lines until the build ends."
    })
final class GetBuildLogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "OWNER/REPO/BRANCH | #N",
      description = "The pipeline and/or build number (default: the newest build).")
  List<String> args = new ArrayList<>();

  @Option(names = {"-f", "--follow"}, description = "Follow the log while the build runs.")
  boolean follow;

  @Option(names = {"-t", "--timestamps"}, description = "Show each line's time.")
  boolean timestamps;

  @Option(names = "--poll-interval", hidden = true, description = "Milliseconds between polls.")
  long intervalMillis = 200;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      Activity a = BuildSelector.select(engine.store(), args, false);
      out.println("Showing logs for build " + a.displayName() + " (" + a.context() + ")");
      a = new LogFollower(engine.store(), engine.logs(), out, follow, timestamps)
          .print(a, intervalMillis);
      out.println("Build " + a.displayName() + " " + a.status()
          + (a.message().isEmpty() ? "" : ": " + a.message()));
      out.flush();
      return a.status().isFailure() && follow ? RunCommand.exitCodeOf(a.status()) : ExitCodes.OK;
    }
  }
}
