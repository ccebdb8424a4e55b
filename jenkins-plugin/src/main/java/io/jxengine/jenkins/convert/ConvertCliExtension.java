package io.jxengine.jenkins.convert;

import io.jxengine.cli.CliExtension;
import picocli.CommandLine;

/** Adds {@code jxe convert}. Registered in {@code META-INF/services/io.jxengine.cli.CliExtension}. */
public final class ConvertCliExtension implements CliExtension {
  @Override
  public void register(CommandLine root) {
    root.addSubcommand("convert", new CommandLine(new ConvertCommand()));
  }
}
