package io.jxengine.diag;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts of the message bundle that are not diagnostics of their own: hints and reasons that the
 * parser and linter compose into a diagnostic's arguments ({@code hint.didYouMean},
 * {@code reason.name.chars}, ...). Kept in the same bundle so every English sentence lives in
 * one place.
 */
public final class Texts {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("io.jxengine.diag.messages", Locale.ROOT);

  private Texts() {}

  /** The text for {@code key} formatted with {@code args}; throws when the key is missing. */
  public static String get(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
