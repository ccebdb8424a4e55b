package io.jxengine.cli;

/** Entry point of the {@code jxe} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
