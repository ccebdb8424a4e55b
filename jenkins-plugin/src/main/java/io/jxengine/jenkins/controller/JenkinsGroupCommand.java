package io.jxengine.jenkins.controller;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jxe jenkins}: the Jenkins bridge's commands; alone it only lists them. Extensions add
 * their subcommands through {@link #in}, which makes it once.
 */
@Command(
    name = "jenkins",
    mixinStandardHelpOptions = true,
    description = "The Jenkins bridge: existing Jenkins controllers, their jobs and builds.")
public final class JenkinsGroupCommand implements Runnable {
  @Spec CommandSpec spec;

  /** The {@code jenkins} command of {@code root}, added when no extension has added it yet. */
  public static CommandLine in(CommandLine root) {
    CommandLine existing = root.getSubcommands().get("jenkins");
    if (existing != null) {
      return existing;
    }
    CommandLine jenkins = new CommandLine(new JenkinsGroupCommand());
    root.addSubcommand("jenkins", jenkins);
    return jenkins;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a jenkins command: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
