package io.jxengine.gitops;

import java.util.Locale;
import java.util.Optional;

/**
 * How new versions reach an environment, as Jenkins X's {@code promotionStrategy}: {@code Auto}
 * merges the promotion pull request once the environment repository's own check passes, {@code
 * Manual} waits for a person, {@code Never} takes no promotions.
 */
public enum PromotionStrategy {
  Auto,
  Manual,
  Never;

  /** The strategy named {@code text} (any case), or empty. */
  public static Optional<PromotionStrategy> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (PromotionStrategy s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
