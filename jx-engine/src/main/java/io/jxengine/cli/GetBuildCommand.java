package io.jxengine.cli;

import picocli.CommandLine.Command;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Shows things about builds.",
    subcommands = {GetBuildLogsCommand.class, GetBuildTestsCommand.class})
final class GetBuildCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing: logs or tests");
  }
}
