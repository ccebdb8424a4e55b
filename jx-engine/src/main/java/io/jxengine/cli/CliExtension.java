package io.jxengine.cli;

import picocli.CommandLine;

/**
 * A module outside the core that adds commands to {@code jxe} (the Jenkins bridge adds {@code
 * convert}, preview environments add {@code preview}). Found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.jxengine.cli.CliExtension} on the launcher's class path.
 *
 * <p>Contract: {@link #register} is called once per command line, on the thread that builds it,
 * before any argument is parsed. It adds subcommands to {@code root} (or to one of its existing
 * subcommands, such as {@code get}) and must not run anything: a command does its work when
 * picocli calls it. Two extensions must not register the same name; picocli refuses duplicates.
 */
public interface CliExtension {
  void register(CommandLine root);
}
