package io.jxengine.parse;

import io.jxengine.diag.Texts;
import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" by edit distance, for unknown keys, catalog names and parameters. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate within a distance that still looks like a typo, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // A third of the word's length (at least 2) keeps "stpes"→"steps" but not "foo"→"env".
    int limit = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= limit && bestDistance < word.length()
        ? Optional.of(best)
        : Optional.empty();
  }

  /** A hint: "did you mean `x`?" when one is close, else "allowed here: a, b, c". */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates)
        .map(c -> Texts.get("hint.didYouMean", c))
        .orElseGet(
            () -> candidates.isEmpty() ? "" : Texts.get("hint.allowed", String.join(", ", candidates)));
  }

  /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
