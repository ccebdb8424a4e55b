package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret echoed in several forms never reaches the console, `get build logs` or the disk. */
class SecretMaskingE2E {
  private static final String SECRET = "s3cr3t-Value-42";
  @TempDir Path home;

  @Test
  void secretFormsAreMaskedEverywhere() throws Exception {
    Jxe jxe = new Jxe(home);
    Path secrets = Jxe.ROOT.resolve("pipelines/examples/secrets/test-secrets.yaml");
    Jxe.Result run = jxe.run("run", "pipelines/examples/secrets", "--secrets-file", secrets.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    Jxe.Result logs = jxe.run("get", "build", "logs");
    assertThat(logs.exitCode()).as(logs.all()).isZero();

    List<String> forms = List.of(
        SECRET,
        Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString((SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
    StringBuilder stored = new StringBuilder();
    try (Stream<Path> files = Files.walk(home.resolve("logs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        stored.append(Files.readString(f));
      }
    }
    for (String form : forms) {
      assertThat(run.all()).doesNotContain(form);
      assertThat(logs.all()).doesNotContain(form);
      assertThat(stored.toString()).doesNotContain(form);
    }
    assertThat(logs.out()).contains("plain: ***").contains("token=***;");
  }

  @Test
  void missingSecretRefusesTheRunBeforeAnythingStarts() throws Exception {
    Jxe.Result run = new Jxe(home).run("run", "pipelines/examples/secrets");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error[JX401]").contains("JXE_SECRET_DEMO_TOKEN");
    assertThat(run.all()).doesNotContain("Exception");
  }
}
