package io.jxengine.cli;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import java.io.PrintWriter;

/**
 * Prints a run as it happens: each output line prefixed with {@code [stage/step]}, and a line for
 * every stage and step that ends. Receives already-masked text. Thread-safe (one lock for output).
 */
final class ConsoleListener implements RunListener {
  private final PrintWriter out;
  private final boolean quiet;

  ConsoleListener(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  @Override
  public synchronized void stage(String stage, Status status, String message) {
    if (status == Status.Running) {
      out.println("==> stage " + stage);
    } else if (status.isTerminal()) {
      out.println("<== stage " + stage + ": " + status + suffix(message));
    }
    out.flush();
  }

  @Override
  public synchronized void step(
      String stage, String step, String phase, Status status, int attempt, Integer exitCode,
      String message) {
    if (status == Status.Running && attempt > 1) {
      out.println("[" + stage + "/" + step + "] retrying (attempt " + attempt + ")");
    } else if (status == Status.WaitingForApproval) {
      // always shown, even with --quiet: the run cannot go on until someone acts
      out.println("[" + stage + "/" + step + "] " + status + suffix(message)
          + "; decide with `jxe approve --step " + step + "` (or --reject)");
    } else if (status.isTerminal() && status != Status.Succeeded) {
      out.println("[" + stage + "/" + step + "] " + status + suffix(message));
    } else if (status == Status.Succeeded && !quiet) {
      out.println("[" + stage + "/" + step + "] " + status + suffix(message));
    }
    out.flush();
  }

  @Override
  public synchronized void log(String stage, String step, String line) {
    if (!quiet) {
      out.println("[" + stage + "/" + step + "] " + line);
      out.flush();
    }
  }

  private static String suffix(String message) {
    return message == null || message.isEmpty() ? "" : " (" + message + ")";
  }
}
