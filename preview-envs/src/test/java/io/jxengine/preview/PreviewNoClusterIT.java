package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On embedded defaults (no kubeconfig), the preview commands fail with one clear line and exit 1,
 * as a real {@code jxe} process found through ServiceLoader; the rest of jxe is untouched.
 */
class PreviewNoClusterIT {
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  Result jxe(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), "io.jxengine.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("JXE_HOME", tmp.resolve("jxe").toString());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), read("out"), read("err"));
  }

  String read(String name) throws IOException {
    return Files.readString(tmp.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void previewCreateFailsTheStepWithAClearMessage() throws Exception {
    Path exports = tmp.resolve("exports");
    Result r = jxe(Map.of("JXE_ENV", exports.toString(), "REPO_OWNER", "acme",
        "REPO_NAME", "web", "PULL_NUMBER", "3"), "preview", "create", "--image", "web:1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("jxe: previews need a Kubernetes cluster")
        .contains("kubeconfig").doesNotContain("Exception");
    assertThat(Files.readString(exports)).startsWith("JXE_STEP_MESSAGE=previews need a Kubernetes");
  }

  @Test
  void listingAndCollectingSayTheSameAndTheRestOfJxeWorks() throws Exception {
    assertThat(jxe(Map.of(), "get", "previews").err()).contains("previews need a Kubernetes");
    assertThat(jxe(Map.of(), "gc", "previews").exit()).isEqualTo(1);

    Result help = jxe(Map.of(), "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("preview", "gc");
    Result repos = jxe(Map.of(), "get", "repositories");
    assertThat(repos.exit()).as(repos.err()).isZero();
  }

  @Test
  void badInputIsRefusedBeforeTheClusterIsAskedFor() throws Exception {
    Result notPr = jxe(Map.of("REPO_OWNER", "acme", "REPO_NAME", "web"),
        "preview", "create", "--image", "web:1");
    assertThat(notPr.exit()).isEqualTo(1);
    assertThat(notPr.err()).contains("not a pull-request build");

    Result badHost = jxe(Map.of("REPO_OWNER", "acme", "REPO_NAME", "web", "PULL_NUMBER", "2"),
        "preview", "create", "--image", "web:1", "--domain", "Not A Domain");
    assertThat(badHost.exit()).isEqualTo(1);
    assertThat(badHost.err()).contains("not a valid DNS name");

    Path exports = tmp.resolve("quota-exports");
    Result badQuota = jxe(Map.of("REPO_OWNER", "acme", "REPO_NAME", "web", "PULL_NUMBER", "2",
        "JXE_ENV", exports.toString()),
        "preview", "create", "--image", "web:1", "--quota", "pods=3,requests.cpu=lots");
    assertThat(badQuota.exit()).isEqualTo(1);
    assertThat(badQuota.err().strip())
        .startsWith("jxe: --quota (the preview step's `quota`): requests.cpu=lots")
        .doesNotContain("Exception");
    assertThat(Files.readString(exports)).contains("requests.cpu=lots");

    Result badLimits = jxe(Map.of("REPO_OWNER", "acme", "REPO_NAME", "web", "PULL_NUMBER", "2",
        "PREVIEW_LIMITS", "memory=1Gb"), "preview", "create", "--image", "web:1");
    assertThat(badLimits.exit()).isEqualTo(1);
    assertThat(badLimits.err()).contains("--limits (the preview step's `limits`): memory=1Gb");
  }
}
