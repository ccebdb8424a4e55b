package io.jxengine.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of samples in milliseconds. */
record Stats(int n, double p50, double p90, double p99, double max) {
  static Stats of(List<Double> samples) {
    if (samples.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> s = new ArrayList<>(samples);
    Collections.sort(s);
    return new Stats(s.size(), rank(s, 50), rank(s, 90), rank(s, 99), s.get(s.size() - 1));
  }

  private static double rank(List<Double> sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
