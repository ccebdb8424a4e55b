package io.jxengine.server.chatops;

import java.util.Locale;

/**
 * One command line of a pull-request comment, such as {@code /test integration}.
 *
 * @param name the command, lower case, with its slash: {@code /test}, {@code /retest}, ...
 * @param args the rest of the line, whitespace-normalised; empty when there is none
 */
public record ChatOpsCommand(String name, String args) {
  public static final String TEST = "/test";
  public static final String RETEST = "/retest";
  public static final String OK_TO_TEST = "/ok-to-test";
  public static final String HOLD = "/hold";
  public static final String UNHOLD = "/unhold";

  public ChatOpsCommand {
    name = name.toLowerCase(Locale.ROOT);
    args = args == null ? "" : args.trim().replaceAll("\\s+", " ");
  }

  /** The whole line as written, normalised: {@code /test integration}. */
  public String line() {
    return args.isEmpty() ? name : name + " " + args;
  }

  /** {@code /hold cancel} lifts a hold, as in Prow. */
  public boolean isUnhold() {
    return name.equals(UNHOLD) || (name.equals(HOLD) && args.equalsIgnoreCase("cancel"));
  }

  public boolean isHold() {
    return name.equals(HOLD) && !isUnhold();
  }
}
