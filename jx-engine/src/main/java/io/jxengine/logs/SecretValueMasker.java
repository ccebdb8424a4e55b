package io.jxengine.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks secret values in log lines with {@code ***}: each value, each line of a multi-line value,
 * and the value's base64 forms (standard and URL-safe alphabets, with and without padding, of the
 * value and of the value followed by a newline as {@code echo $S | base64} encodes it; long
 * encodings also per 76-character line as {@code base64} wraps them). Longer candidates are
 * replaced first, so a value is never half masked by a shorter one.
 *
 * <p>Candidates shorter than {@value #MIN_LENGTH} characters are ignored: masking {@code "a"} or
 * {@code "1"} would garble every line while hiding nothing an attacker could not guess. Immutable
 * and thread-safe.
 */
public final class SecretValueMasker implements SecretMasker {
  public static final int MIN_LENGTH = 3;
  static final String MASK = "***";
  private static final int BASE64_LINE = 76;

  private final List<String> candidates;

  public SecretValueMasker(Collection<String> secretValues) {
    Set<String> all = new LinkedHashSet<>();
    for (String value : secretValues) {
      if (value == null || value.isEmpty()) {
        continue;
      }
      all.add(value);
      if (value.indexOf('\n') >= 0) {
        for (String line : value.split("\r?\n")) {
          all.add(line);
        }
      }
      addBase64(all, value);
      addBase64(all, value + "\n");
    }
    List<String> kept = new ArrayList<>();
    for (String c : all) {
      if (c.length() >= MIN_LENGTH) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(String::length).reversed());
    this.candidates = List.copyOf(kept);
  }

  private static void addBase64(Set<String> out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      String padded = enc.encodeToString(bytes);
      out.add(padded);
      out.add(stripPadding(padded));
      for (int i = 0; padded.length() > BASE64_LINE && i < padded.length(); i += BASE64_LINE) {
        out.add(padded.substring(i, Math.min(padded.length(), i + BASE64_LINE)));
      }
    }
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public String mask(String line) {
    if (line == null || line.isEmpty()) {
      return line;
    }
    String out = line;
    for (String c : candidates) {
      if (out.contains(c)) {
        out = out.replace(c, MASK);
      }
    }
    return out;
  }
}
