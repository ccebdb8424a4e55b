package io.jxengine.backend.local;

import java.time.Duration;

/** Formats durations the way users write them: {@code 90s} → {@code 1m30s}, {@code 500ms}. */
public final class Durations {
  private Durations() {}

  public static String format(Duration d) {
    if (d == null) {
      return "";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder sb = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long rest = d.toMillisPart();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (s > 0 || rest > 0) {
      sb.append(s);
      if (rest > 0) {
        sb.append('.').append(String.format("%03d", rest).replaceAll("0+$", ""));
      }
      sb.append('s');
    }
    return sb.toString();
  }
}
