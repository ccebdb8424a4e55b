package io.jxengine.cli;

import picocli.CommandLine.Command;

@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Shows activities, build logs, repositories, environments and applications.",
    subcommands = {GetActivitiesCommand.class, GetBuildCommand.class, GetRepositoriesCommand.class,
      GetEnvironmentsCommand.class, GetApplicationsCommand.class})
final class GetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing what to get: activities, build logs, repositories, environments, applications");
  }
}
