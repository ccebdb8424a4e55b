package io.jxengine.diag;

/** How bad a diagnostic is. Warnings fail a lint only with {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
