package io.jxengine.cli;

import io.jxengine.activity.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code jxe} command. Errors in a user's files are diagnostics printed by the
 * commands; anything that still escapes is an engine failure, printed as one line (the stack trace
 * only with {@code JXE_DEBUG=1}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs {@code jxe} with these arguments and returns the exit code (used by tests too). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new JxeCommand());
    for (CliExtension extension : java.util.ServiceLoader.load(CliExtension.class)) {
      extension.register(cmd);
    }
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof UserException u) {
            err.println("jxe: " + u.getMessage());
            return u.exitCode();
          }
          String what = ex instanceof StoreException ? "activity store" : "internal error";
          err.println("jxe: " + what + ": " + ex.getMessage());
          if ("1".equals(System.getenv("JXE_DEBUG"))) {
            ex.printStackTrace(err);
          } else {
            err.println("jxe: set JXE_DEBUG=1 to see the stack trace");
          }
          return ExitCodes.INTERNAL;
        });
    return cmd;
  }
}
