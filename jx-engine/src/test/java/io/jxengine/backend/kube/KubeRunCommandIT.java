package io.jxengine.backend.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.cli.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jxe run --kube} as a real process, configured only by {@code KUBECONFIG} (a generated
 * kubeconfig for the mock API server's URL), with {@link FakeTekton} playing the controller; and
 * the one-line refusal when no cluster answers.
 */
@EnableKubernetesMockClient(crud = true)
class KubeRunCommandIT {
  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  Path repo;

  @BeforeEach
  void repository() throws Exception {
    repo = dir.resolve("widget");
    Files.createDirectories(repo.resolve(".jx"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), """
        name: release
        stages:
          - name: build
            steps:
              - name: compile
                run: echo compiling
        """);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("Jane", "jane@example.com")
          .setCommitter("Jane", "jane@example.com").setSign(false).call();
      var config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", "https://github.com/acme/widget.git");
      config.save();
    }
  }

  Path kubeconfig(String url) throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
              insecure-skip-tls-verify: true
        users:
          - name: tester
            user:
              token: not-a-secret
        contexts:
          - name: mock
            context:
              cluster: mock
              user: tester
              namespace: builds
        current-context: mock
        """.formatted(url));
    return file;
  }

  Process jxe(Path kubeconfig, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.jxengine.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("JXE_HOME", dir.resolve("home").toString());
    pb.environment().put("HOME", dir.toString());
    return pb.start();
  }

  String out() throws Exception {
    return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
  }

  String err() throws Exception {
    return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void runsThePipelineOnTheClusterOfTheKubeconfigAndPrintsItsLog() throws Exception {
    FakeTekton tekton = new FakeTekton(server, client);
    Process p = jxe(kubeconfig(client.getMasterUrl().toString()), "run", repo.toString(), "--kube");
    PipelineRun run = tekton.awaitRun();
    assertThat(run.getMetadata().getLabels()).containsEntry("jx-engine.io/repository", "widget");
    tekton.succeed(run, "jx-clone");
    tekton.log(run, "build", "compile", "compiling\n");
    tekton.succeed(run, "build");
    tekton.runEnded(run, "True", "Succeeded");

    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err()).isEqualTo(ExitCodes.OK);
    assertThat(out()).contains("namespace builds", "[build/compile] compiling",
        "acme/widget/main #1 (release) Succeeded");
  }

  @Test
  void withoutAReachableClusterItSaysSoInOneLine() throws Exception {
    Process p = jxe(kubeconfig("https://127.0.0.1:1"), "run", repo.toString(), "--kube");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(ExitCodes.FAILED);
    assertThat(err().strip()).startsWith("jxe: cannot reach the Kubernetes cluster at https://127.0.0.1:1")
        .doesNotContain("\n").doesNotContain("Exception");
  }
}
