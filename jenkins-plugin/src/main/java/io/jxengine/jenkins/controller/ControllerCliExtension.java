package io.jxengine.jenkins.controller;

import io.jxengine.cli.CliExtension;
import picocli.CommandLine;

/**
 * Adds {@code jxe jenkins controller add|list|remove}, {@code jxe jenkins sync}, {@code jobs},
 * {@code build} and {@code console}: the engine's side of existing Jenkins controllers. They go
 * under the {@code jenkins} command, made here unless another extension made it first
 * ({@link JenkinsGroupCommand#in}), so two extensions never register one name twice.
 */
public final class ControllerCliExtension implements CliExtension {
  @Override
  public void register(CommandLine root) {
    CommandLine jenkins = JenkinsGroupCommand.in(root);
    CommandLine controller = new CommandLine(new ControllerCommand())
        .addSubcommand(new ControllerCommand.Add())
        .addSubcommand(new ControllerCommand.ListControllers())
        .addSubcommand(new ControllerCommand.Remove());
    jenkins.addSubcommand("controller", controller);
    jenkins.addSubcommand(new SyncCommand());
    jenkins.addSubcommand(new JobsCommand());
    jenkins.addSubcommand(new TriggerCommand());
    jenkins.addSubcommand(new ConsoleCommand());
  }
}
