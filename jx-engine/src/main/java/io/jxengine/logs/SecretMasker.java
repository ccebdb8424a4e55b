package io.jxengine.logs;

/** Replaces secret values (and their encoded forms) in a log line with {@code ***}. */
@FunctionalInterface
public interface SecretMasker {
  SecretMasker NONE = line -> line;

  String mask(String line);
}
