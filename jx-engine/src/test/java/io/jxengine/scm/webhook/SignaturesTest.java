package io.jxengine.scm.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  // GitHub's documented test vector ("Validating webhook deliveries").
  private static final String SECRET = "It's a Secret to Everybody";
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void signsAndVerifiesGitHubsTestVector() {
    assertThat(Signatures.signGitHub(SECRET, BODY)).isEqualTo(SIGNATURE);
    assertThat(Signatures.verifyGitHub(SECRET, BODY, SIGNATURE)).isTrue();
  }

  @Test
  void refusesAWrongSecretBodyOrSignature() {
    assertThat(Signatures.verifyGitHub("It's a secret to everybody", BODY, SIGNATURE)).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, "Hello, World?".getBytes(), SIGNATURE)).isFalse();
    String flipped = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "f";
    assertThat(Signatures.verifyGitHub(SECRET, BODY, flipped)).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, BODY, SIGNATURE.substring(0, 20))).isFalse();
  }

  @Test
  void refusesAMissingOrBadlyFormedHeader() {
    assertThat(Signatures.verifyGitHub(SECRET, BODY, null)).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, BODY, "")).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, BODY, SIGNATURE.substring(7))).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, BODY, "sha1=" + SIGNATURE.substring(7))).isFalse();
    assertThat(Signatures.verifyGitHub(SECRET, BODY, "sha256=zz")).isFalse();
  }

  @Test
  void acceptsUpperCaseHex() {
    String upper = "sha256=" + SIGNATURE.substring(7).toUpperCase(Locale.ROOT);
    assertThat(Signatures.verifyGitHub(SECRET, BODY, upper)).isTrue();
  }

  @Test
  void anEmptySecretNeverVerifies() {
    assertThat(Signatures.verifyGitHub("", BODY, SIGNATURE)).isFalse();
    assertThat(Signatures.verifyGitHub(null, BODY, SIGNATURE)).isFalse();
    assertThat(Signatures.verifyGitea("", BODY, SIGNATURE.substring(7))).isFalse();
    assertThat(Signatures.verifyGitLabToken("", "")).isFalse();
    assertThatThrownBy(() -> Signatures.signGitHub("", BODY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void giteaSignsWithTheBareHex() {
    assertThat(Signatures.signGitea(SECRET, BODY)).isEqualTo(SIGNATURE.substring(7));
    assertThat(Signatures.verifyGitea(SECRET, BODY, SIGNATURE.substring(7))).isTrue();
    assertThat(Signatures.verifyGitea(SECRET, BODY, SIGNATURE)).isFalse();
    assertThat(Signatures.verifyGitea(SECRET, BODY, null)).isFalse();
  }

  @Test
  void gitLabComparesTheToken() {
    assertThat(Signatures.verifyGitLabToken(SECRET, SECRET)).isTrue();
    assertThat(Signatures.verifyGitLabToken(SECRET, SECRET + " ")).isFalse();
    assertThat(Signatures.verifyGitLabToken(SECRET, "It's a Secret")).isFalse();
    assertThat(Signatures.verifyGitLabToken(SECRET, null)).isFalse();
  }

  @Test
  void hashesBodiesForStableIds() {
    assertThat(Signatures.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
