package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code jxe server --kube} as a process: a wrong environment or an unreachable cluster is one
 * line on stderr and a non-zero exit, before anything listens.
 */
class ServerKubeIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  Run jxeServerKube(Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "server", "--kube",
        "--port", "0"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("JXE_") || k.startsWith("KUBERNETES"));
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    // No kubeconfig of this machine: only what the test gives.
    pb.environment().put("KUBECONFIG", tmp.resolve("no-kubeconfig").toString());
    pb.environment().putAll(env);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aMissingOrWrongSettingIsOneLineAndExitTwo() throws Exception {
    Run run = jxeServerKube(Map.of("JXE_GIT_KIND", "bitbucket"));

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip()).doesNotContain("\n").startsWith("jxe: cluster settings: ")
        .contains("JXE_NAMESPACE", "JXE_WEBHOOK_SECRET", "JXE_GIT_KIND")
        .doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("listening");
  }

  @Test
  void anUnreachableApiServerIsOneLine() throws Exception {
    Run run = jxeServerKube(Map.of("JXE_NAMESPACE", "jx", "JXE_WEBHOOK_SECRET", "s",
        // A closed port on loopback: connection refused at once.
        "KUBERNETES_MASTER", "http://127.0.0.1:9", "KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT", "0"));

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err().lines().filter(l -> !l.isBlank() && !l.contains(" WARN ")
        && !l.contains(" INFO ")).toList())
        .singleElement().asString()
        .startsWith("jxe: cannot reach the Kubernetes API server at http://127.0.0.1:9");
    assertThat(run.out()).doesNotContain("listening");
  }
}
