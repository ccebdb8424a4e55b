package io.jxengine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretProviderTest {
  @TempDir Path dir;

  Path file(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void environmentWinsOverFilesAndLaterFilesWinOverEarlierOnes() throws IOException {
    Path home = file("home.yaml", "nexus:\n  password: from-home\n  user: admin\ngit:\n  token: t1\n");
    Path cli = file("cli.yaml", "nexus:\n  password: from-cli\n");
    var env = Map.of(SecretProvider.envVarFor("git", "token"), "from-env");
    var provider = new LocalSecretProvider(List.of(home, cli), env);

    assertThat(provider.lookup("nexus", "password")).contains("from-cli");
    assertThat(provider.lookup("nexus", "user")).contains("admin");
    assertThat(provider.lookup("git", "token")).contains("from-env");
    assertThat(provider.lookup("nexus", "missing")).isEmpty();
    assertThat(provider.lookup("absent", "x")).isEmpty();
    assertThat(provider.problems()).isEmpty();
  }

  @Test
  void envVariableNamesAreUpperCaseWithUnderscores() {
    assertThat(SecretProvider.envVarFor("docker-hub", "api.key"))
        .isEqualTo("JXE_SECRET_DOCKER_HUB_API_KEY");
    var provider = new LocalSecretProvider(List.of(),
        Map.of("JXE_SECRET_DOCKER_HUB_API_KEY", "v"));
    assertThat(provider.lookup("docker-hub", "api.key")).contains("v");
  }

  @Test
  void aMissingFileIsSkippedAndNumbersBecomeStrings() throws IOException {
    Path f = file("s.yaml", "db:\n  port: 5432\n");
    var provider = new LocalSecretProvider(List.of(dir.resolve("nope.yaml"), f), Map.of());
    assertThat(provider.lookup("db", "port")).contains("5432");
    assertThat(provider.problems()).isEmpty();
  }

  @Test
  void brokenFilesAreReportedAsDiagnostics() throws IOException {
    Path bad = file("bad.yaml", "a: [unclosed\n");
    Path list = file("list.yaml", "- a\n- b\n");
    Path shape = file("shape.yaml", "ok:\n  k: v\nnotamap: 3\nnested:\n  k: {x: 1}\n");
    var provider = new LocalSecretProvider(List.of(bad, list, shape), Map.of());

    assertThat(provider.problems()).extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(Code.YAML_SYNTAX, Code.WRONG_TYPE, Code.WRONG_TYPE,
            Code.WRONG_TYPE);
    assertThat(provider.lookup("ok", "k")).contains("v");
  }
}
