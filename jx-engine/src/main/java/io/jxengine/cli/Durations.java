package io.jxengine.cli;

import java.time.Duration;

/** Durations as people read them: {@code 850ms}, {@code 12s}, {@code 3m4s}, {@code 2h5m}. */
final class Durations {
  private Durations() {}

  static String human(Duration d) {
    if (d == null || d.isNegative()) {
      return "";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60) + "s";
    }
    return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
  }
}
