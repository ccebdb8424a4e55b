package io.jxengine.backend.local;

import static io.jxengine.backend.local.Plans.inDir;
import static io.jxengine.backend.local.Plans.plan;
import static io.jxengine.backend.local.Plans.stage;
import static io.jxengine.backend.local.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.Plan;
import io.jxengine.compile.TestPipelines;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pos;
import io.jxengine.model.SecretRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a step sees: environment, secrets, working directory; untrusted values stay data. */
class LocalBackendEnvIT {
  static final String SUBSHELL = "$(touch pwned)";
  static final String QUOTES = "zzz\";echo${IFS}\"hi\";#";

  @TempDir Path tmp;
  final RecordingListener listener = new RecordingListener();

  Path workspace() throws IOException {
    return Files.createDirectories(tmp.resolve("ws"));
  }

  Status run(Plan plan, Map<String, String> secrets) throws IOException {
    return new LocalBackend(tmp.resolve("scripts"))
        .run(plan, workspace(), secrets, listener, new CancelSignal());
  }

  @Test
  void hostileBranchNamesReachTheStepOnlyAsData() throws IOException {
    for (String branch : List.of(SUBSHELL, QUOTES)) {
      RunContext ctx = TestPipelines.context(branch);
      var pipeline = TestPipelines.pipeline(TestPipelines.stage("build",
          TestPipelines.step("show", "printf '%s\\n' \"$BRANCH_NAME\"\necho $BRANCH_NAME")));
      Plan p = new LocalCompiler().compile(pipeline, ctx, 1, workspace(), 4);
      listener.logs.clear();

      assertThat(run(p, Map.of())).isEqualTo(Status.Succeeded);
      assertThat(listener.log("build", "show")).containsExactly(branch, branch);
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("pwned");
    }
    assertThat(Path.of("pwned")).doesNotExist();
  }

  @Test
  void theEnvironmentIsCleanPlusTheStepsAndTheSecrets() throws IOException {
    String leaked = System.getenv().keySet().stream()
        .filter(k -> !List.of("PATH", "HOME", "USER", "LANG", "TMPDIR", "JXE_HOME")
            .contains(k))
        .filter(k -> k.matches("[A-Za-z_][A-Za-z0-9_]*"))
        .findFirst().orElse("JAVA_HOME");
    SecretRef ref = new SecretRef("TOKEN", "github", "token", Pos.UNKNOWN);
    Plan p = plan(stage("a").secrets(ref).steps(
        step("env", "echo \"x=${" + leaked + ":-unset}\"\necho \"mine=$MINE\"\necho \"t=$TOKEN\"\n"
            + "echo \"path=${PATH:+set}\"", Map.of("MINE", "value"))).build());

    assertThat(run(p, Map.of("github/token", "s3cr3t"))).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "env"))
        .containsExactly("x=unset", "mine=value", "t=s3cr3t", "path=set");
  }

  @Test
  void aMissingSecretFailsTheStageBeforeAnyStep() throws IOException {
    SecretRef ref = new SecretRef("TOKEN", "github", "token", Pos.UNKNOWN);
    Plan p = plan(stage("a").secrets(ref).steps(step("s", "touch ran")).build());

    assertThat(run(p, Map.of())).isEqualTo(Status.Failed);
    assertThat(listener.stage("a").message()).contains("github/token");
    assertThat(workspace().resolve("ran")).doesNotExist();
  }

  @Test
  void dirIsRelativeToTheWorkspaceAndMustStayInside() throws IOException {
    Files.createDirectories(workspace().resolve("service"));
    Files.createSymbolicLink(workspace().resolve("escape"), tmp);
    Plan p = plan(
        stage("a").needs().steps(inDir("in", "pwd", "service")).build(),
        stage("b").needs().steps(inDir("out", "touch ../outside", "../")).build(),
        stage("c").needs().steps(inDir("link", "touch via-link", "escape")).build(),
        stage("d").needs().steps(inDir("missing", "true", "nope")).build());

    assertThat(run(p, Map.of())).isEqualTo(Status.Failed);
    assertThat(listener.log("a", "in"))
        .containsExactly(workspace().resolve("service").toRealPath().toString());
    assertThat(listener.step("b", "out").status()).isEqualTo(Status.Failed);
    assertThat(listener.step("b", "out").message()).contains("outside the workspace");
    assertThat(listener.step("c", "link").status()).isEqualTo(Status.Failed);
    assertThat(listener.step("d", "missing").status()).isEqualTo(Status.Failed);
    assertThat(tmp.resolve("outside")).doesNotExist();
    assertThat(tmp.resolve("via-link")).doesNotExist();
  }
}
