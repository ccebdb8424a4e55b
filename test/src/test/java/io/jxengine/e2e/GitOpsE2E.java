package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitOps story through the real {@code ./jxe}: a sample application is released ({@code jxe
 * step next-version}, {@code jxe step tag}, {@code jxe step changelog}), promoted to staging
 * (Auto: the environment repository's own check passes, the engine merges) and applied by the
 * environment repository's own pipeline run on the merge ({@code jxe run --event push}, which
 * gives it the engine's cluster credentials), then to production (Manual: it waits visibly, is
 * approved with {@code jxe promote --approve}, merges and is applied the same way). fabric8's CRUD
 * mock server is the cluster, reached through a kubeconfig like a real one.
 */
@EnableKubernetesMockClient(crud = true)
class GitOpsE2E {
  static final String TOKEN = "e2e-cluster-token-0451";
  @TempDir Path tmp;
  KubernetesMockServer cluster;
  KubernetesClient client;
  Jxe jxe;

  @BeforeEach
  void setUp() throws Exception {
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: %s}}]
        contexts: [{name: mock, context: {cluster: mock, user: u}}]
        current-context: mock
        """.formatted(client.getMasterUrl().toString(), TOKEN));
    jxe = new Jxe(tmp.resolve("home"), Map.of("KUBECONFIG", kubeconfig.toString(),
        "PATH", jxeOnPath() + java.io.File.pathSeparator + System.getenv("PATH")));
  }

  @Test
  void releaseThenStagingAutoThenProductionManualThenApplications() throws Exception {
    Path app = tmp.resolve("hello-app");
    git(tmp, "init", "-q", "-b", "main", app.toString());
    Files.writeString(app.resolve("README.md"), "hello\n");
    git(app, "add", ".");
    git(app, "commit", "-q", "-m", "feat: hello");
    Jxe.Result next = jxe.run("step", "next-version", "--dir", app.toString());
    assertThat(next.exitCode()).as(next.all()).isZero();
    String version = next.out().strip();
    assertThat(version).as("a first release with a feature").isEqualTo("0.1.0");
    Jxe.Result tag = jxe.run("step", "tag", "--dir", app.toString(), "--version", version);
    assertThat(tag.exitCode()).as(tag.all()).isZero();
    assertThat(git(app, "describe", "--tags", "--abbrev=0").strip()).isEqualTo("v" + version);
    Path notes = tmp.resolve("notes.md");
    Jxe.Result changelog =
        jxe.run("step", "changelog", "--dir", app.toString(), "-o", notes.toString());
    assertThat(changelog.exitCode()).as(changelog.all()).isZero();
    assertThat(Files.readString(notes)).contains("## v" + version, "### Features", "hello");

    for (String[] env : List.of(new String[] {"staging", "Auto"}, new String[] {"production", "Manual"})) {
      Jxe.Result created = jxe.run("env", "create", env[0], "--strategy", env[1], "--repo",
          tmp.resolve(env[0] + ".git").toString());
      assertThat(created.exitCode()).as(created.all()).isZero();
      listApp(env[0]);
    }
    assertThat(jxe.run("get", "environments").out()).contains("staging", "Auto", "production", "Manual");

    Jxe.Result staging = jxe.run("promote", "hello", "--version", version, "--env", "staging", "--poll", "1s");
    assertThat(staging.exitCode()).as(staging.all()).isZero();
    assertThat(staging.out()).contains("Succeeded");
    applyByTheEnvironmentPipeline("staging");
    assertThat(configMap("jx-staging").getData()).containsEntry("version", version);

    Process production = jxe.start("promote", "hello", "--version", version, "--env", "production",
        "--poll", "1s", "--timeout", "3m");
    await().atMost(2, TimeUnit.MINUTES).pollInterval(java.time.Duration.ofSeconds(1)).until(() ->
        jxe.run("get", "activities").out().contains("WaitingForApproval"));
    assertThat(configMapOrNull("jx-production")).isNull();
    Jxe.Result approved = jxe.run("promote", "hello", "--version", version, "--env", "production", "--approve");
    assertThat(approved.exitCode()).as(approved.all()).isZero();
    assertThat(production.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(production.exitValue()).as(jxe.output(production)).isZero();
    applyByTheEnvironmentPipeline("production");
    assertThat(configMap("jx-production").getData()).containsEntry("version", version);

    Jxe.Result apps = jxe.run("get", "applications");
    assertThat(apps.out()).contains("STAGING", "PRODUCTION").containsPattern("hello\\s+" + java.util.regex.Pattern.quote(version) + "\\s+"
        + java.util.regex.Pattern.quote(version));
  }

  /** The environment lists the application (at 0.0.1) as plain manifests, as a person would add it. */
  private void listApp(String env) throws Exception {
    Path dir = tmp.resolve("add-" + env);
    git(tmp, "clone", "-q", tmp.resolve(env + ".git").toString(), dir.toString());
    Files.createDirectories(dir.resolve("apps/hello/manifests"));
    Files.writeString(dir.resolve("apps/hello.yaml"), "manifests: true\nversion: 0.0.1\n");
    Files.writeString(dir.resolve("apps/hello/manifests/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: hello
        data:
          version: "${VERSION}"
        """);
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "add hello");
    git(dir, "push", "-q", "origin", "main");
  }

  /**
   * What a merge to main starts: the environment repository's own pipeline, run by the engine
   * ({@code jxe run --event push}) on a checkout of main. Its apply stage receives the engine's
   * kubeconfig as the secret {@code jxe-cluster} (the step itself inherits no KUBECONFIG) and runs
   * {@code jxe env apply .}; the kubeconfig's token never shows in the run's output.
   */
  private void applyByTheEnvironmentPipeline(String env) throws Exception {
    Path dir = tmp.resolve("main-" + env);
    git(tmp, "clone", "-q", tmp.resolve(env + ".git").toString(), dir.toString());
    assertThat(Files.readString(dir.resolve(".jx/pipeline.yaml"))).contains("jxe env apply .", "jxe-cluster");
    Jxe.Result run = jxe.run("run", dir.toString(), "--event", "push");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("applied hello: 1 object(s)").doesNotContain(TOKEN);
  }

  /** A directory holding a {@code jxe} command for the pipelines' steps (the launcher of this tree). */
  private Path jxeOnPath() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path cmd = bin.resolve("jxe");
    Files.writeString(cmd, "#!/bin/sh\nexec '" + Jxe.ROOT.resolve("jxe") + "' \"$@\"\n");
    cmd.toFile().setExecutable(true);
    return bin;
  }

  private ConfigMap configMap(String namespace) {
    ConfigMap cm = configMapOrNull(namespace);
    assertThat(cm).as("ConfigMap hello in " + namespace).isNotNull();
    return cm;
  }

  private ConfigMap configMapOrNull(String namespace) {
    return client.configMaps().inNamespace(namespace).withName("hello").get();
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=e2e", "-c", "user.email=e2e@localhost"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
    return out;
  }
}
