package io.jxengine.preview;

import io.jxengine.cli.CliExtension;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Adds {@code jxe preview create|delete}, {@code jxe get previews} and {@code jxe gc previews}.
 * {@code gc} is made here unless another extension made it first.
 */
public final class PreviewCliExtension implements CliExtension {
  @Command(name = "preview", mixinStandardHelpOptions = true,
      description = "Pull-request preview environments (docs/previews.md).")
  static final class PreviewCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing: create or delete");
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true,
      description = "Garbage collection of what the engine made.")
  static final class GcCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing what to collect: previews");
    }
  }

  @Override
  public void register(CommandLine root) {
    root.addSubcommand("preview", new CommandLine(new PreviewCommand())
        .addSubcommand("create", new PreviewCreateCommand())
        .addSubcommand("delete", new PreviewDeleteCommand()));
    CommandLine get = root.getSubcommands().get("get");
    if (get != null) {
      get.addSubcommand("previews", new GetPreviewsCommand());
    }
    CommandLine gc = root.getSubcommands().get("gc");
    if (gc == null) {
      gc = new CommandLine(new GcCommand());
      root.addSubcommand("gc", gc);
    }
    gc.addSubcommand("previews", new GcPreviewsCommand());
  }
}
