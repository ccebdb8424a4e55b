package io.jxengine.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenVerifierTest {
  @TempDir Path home;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private FileTokenVerifier open() {
    return FileTokenVerifier.open(home, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @Test
  void createsOneTokenAtFirstStartAndSaysWhereNotWhat() throws Exception {
    FileTokenVerifier tokens = open();
    Path file = home.resolve("api-tokens");
    List<String> created = FileTokenVerifier.readTokens(file);
    assertThat(created).hasSize(1);
    assertThat(created.get(0)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(tokens.isValid(created.get(0))).isTrue();
    String said = console.toString(StandardCharsets.UTF_8);
    assertThat(said).contains(file.toAbsolutePath().toString()).doesNotContain(created.get(0));
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void keepsExistingTokensAndIgnoresCommentsAndBlankLines() throws Exception {
    Files.writeString(home.resolve("api-tokens"), "# ops\n\n  alpha-token  \nbeta-token\n");
    FileTokenVerifier tokens = open();
    assertThat(console.size()).isZero();
    assertThat(tokens.isValid("alpha-token")).isTrue();
    assertThat(tokens.isValid("beta-token")).isTrue();
    assertThat(tokens.isValid("# ops")).isFalse();
    assertThat(tokens.isValid("alpha")).isFalse();
    assertThat(tokens.isValid("alpha-token-and-more")).isFalse();
    assertThat(tokens.isValid("")).isFalse();
    assertThat(tokens.isValid(null)).isFalse();
  }

  @Test
  void aTokenMayNameItsUser() throws Exception {
    Files.writeString(home.resolve("api-tokens"), "alice:alice-token\nplain-token\n");
    FileTokenVerifier tokens = open();
    assertThat(tokens.user("alice-token")).hasValue("alice");
    assertThat(tokens.user("plain-token")).hasValue(TokenVerifier.ANONYMOUS);
    assertThat(tokens.isValid("alice-token")).isTrue();
    assertThat(tokens.user("alice:alice-token")).isEmpty();
    assertThat(tokens.user("alice")).isEmpty();
  }

  @Test
  void anEmptyFileGetsAToken() throws Exception {
    Files.writeString(home.resolve("api-tokens"), "# nothing yet\n");
    FileTokenVerifier tokens = open();
    List<String> created = FileTokenVerifier.readTokens(tokens.file());
    assertThat(created).hasSize(1);
    assertThat(tokens.isValid(created.get(0))).isTrue();
  }

  @Test
  void seesTokensAddedAndRevokedWithoutARestart() throws Exception {
    Path file = home.resolve("api-tokens");
    Files.writeString(file, "old-token\n");
    FileTokenVerifier tokens = open();
    assertThat(tokens.isValid("old-token")).isTrue();

    Files.writeString(file, "new-token\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(tokens.isValid("new-token")).isTrue();
    assertThat(tokens.isValid("old-token")).isFalse();

    Files.delete(file);
    assertThat(tokens.isValid("new-token")).isFalse();
  }
}
