package io.jxengine.diag;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The one message bundle. Keys are code ids ({@code JX101}) and {@code JX101.hint}. */
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("io.jxengine.diag.messages", Locale.ROOT);

  private Messages() {}

  public static String message(Code code, Object... args) {
    return format(code.id(), args);
  }

  /** The default hint for a code, or empty when the bundle has none. */
  public static String hint(Code code, Object... args) {
    String key = code.id() + ".hint";
    return BUNDLE.containsKey(key) ? format(key, args) : "";
  }

  private static String format(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
