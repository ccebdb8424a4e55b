package io.jxengine.cli;

/** The exit codes of {@code jxe}, documented in its help. */
public final class ExitCodes {
  /** The command did what was asked; a pipeline run succeeded. */
  public static final int OK = 0;
  /** A pipeline failed or timed out, or a user's file has errors (or warnings with --strict). */
  public static final int FAILED = 1;
  /** The command line itself was wrong (unknown option, missing argument). */
  public static final int USAGE = 2;
  /** The run was stopped ({@code jxe stop}, Ctrl-C). */
  public static final int ABORTED = 3;
  /** The engine itself failed (a bug, a broken database file); the message says what. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
