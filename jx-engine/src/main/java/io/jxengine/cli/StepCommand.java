package io.jxengine.cli;

import picocli.CommandLine.Command;

@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = {
      "Steps a pipeline runs: the next version, the release tag, the release notes, test reports.",
      "Inside a pipeline they also report the version and the notes' link to the engine,"
          + " which records them on the activity (docs/releases.md)."
    },
    subcommands = {StepNextVersionCommand.class, StepTagCommand.class, StepChangelogCommand.class, StepJunitCommand.class})
final class StepCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing which step: next-version, tag, changelog, junit");
  }
}
