package io.jxengine.cli;

import picocli.CommandLine.Command;

@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = "Environment repositories (GitOps): create, validate, apply.",
    subcommands = {EnvCreateCommand.class, EnvValidateCommand.class, EnvApplyCommand.class})
final class EnvCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing what to do: create, validate or apply");
  }
}
