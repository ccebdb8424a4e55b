package io.jxengine.cli;

import picocli.CommandLine.Command;

@Command(
    name = "jxe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "jx-engine: run, lint and inspect CI/CD pipelines (Jenkins X style).",
    subcommands = {
      RunCommand.class,
      LintCommand.class,
      EffectiveCommand.class,
      GetCommand.class,
      StopCommand.class,
      ApproveCommand.class,
      ImportCommand.class,
      EnvCommand.class,
      PromoteCommand.class,
      StepCommand.class,
      ServerCommand.class,
      QuickstartCommand.class,
      CompletionCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the command succeeded; the pipeline run succeeded",
      "1:a pipeline failed or timed out, or a file has errors (warnings too with --strict)",
      "2:invalid command line",
      "3:the run was stopped (jxe stop, Ctrl-C)",
      "70:internal error of the engine (not a mistake in your files)",
    },
    footer = {
      "%nEnvironment: JXE_HOME (state directory, default ~/.jxe), JXE_DEBUG=1 (stack traces).",
    })
final class JxeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }
}
