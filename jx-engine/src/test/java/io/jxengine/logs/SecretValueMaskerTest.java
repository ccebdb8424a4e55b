package io.jxengine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValueMaskerTest {
  static final String SECRET = "hunter2-s3cr3t?>>";

  final SecretValueMasker masker = new SecretValueMasker(List.of(SECRET));

  @Test
  void masksThePlainValueEverywhereInTheLine() {
    assertThat(masker.mask("password=" + SECRET + " and again " + SECRET))
        .isEqualTo("password=*** and again ***");
  }

  @Test
  void masksEveryBase64Form() {
    byte[] raw = SECRET.getBytes(StandardCharsets.UTF_8);
    byte[] echoed = (SECRET + "\n").getBytes(StandardCharsets.UTF_8);
    for (byte[] bytes : List.of(raw, echoed)) {
      String std = Base64.getEncoder().encodeToString(bytes);
      String url = Base64.getUrlEncoder().encodeToString(bytes);
      assertThat(std).isNotEqualTo(url); // the value is chosen so the alphabets differ
      for (String form : List.of(std, url, std.replace("=", ""), url.replace("=", ""))) {
        assertThat(masker.mask("x " + form + " y")).isEqualTo("x *** y");
      }
    }
  }

  @Test
  void masksEachLineOfAMultiLineSecret() {
    SecretValueMasker m = new SecretValueMasker(List.of("-----BEGIN KEY-----\nabcdef\nxy\n"));
    assertThat(m.mask("-----BEGIN KEY-----")).isEqualTo("***");
    assertThat(m.mask("line abcdef")).isEqualTo("line ***");
    assertThat(m.mask("xy stays: too short to mask")).isEqualTo("xy stays: too short to mask");
  }

  @Test
  void ignoresValuesShorterThanThreeCharacters() {
    SecretValueMasker m = new SecretValueMasker(List.of("a", "12", ""));
    assertThat(m.mask("a 12 banana")).isEqualTo("a 12 banana");
  }

  @Test
  void longestValuesAreMaskedFirst() {
    SecretValueMasker m = new SecretValueMasker(List.of("abc", "abcdefgh"));
    assertThat(m.mask("abcdefgh abc")).isEqualTo("*** ***");
  }

  @Test
  void masksTheWrappedLinesOfALongBase64Encoding() {
    String longSecret = "x".repeat(100) + "-tail";
    String encoded = Base64.getMimeEncoder().encodeToString(
        (longSecret + "\n").getBytes(StandardCharsets.UTF_8));
    SecretValueMasker m = new SecretValueMasker(List.of(longSecret));
    for (String line : encoded.split("\r\n")) {
      assertThat(m.mask(line)).isEqualTo("***");
    }
  }
}
