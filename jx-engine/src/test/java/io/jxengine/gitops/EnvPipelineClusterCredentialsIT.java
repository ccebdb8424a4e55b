package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.source.GitInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment repository's own pipeline (the real template's, with its {@code jxe env apply}
 * replaced by a script that shows what it received) run by the real {@link RunService} and local
 * backend: a push to main gets the engine's kubeconfig, masked in the log; a pull request's run
 * never asks for it; another repository asking for it is refused with JX405 before anything runs.
 */
class EnvPipelineClusterCredentialsIT {
  static final String KUBECONFIG = "apiVersion: v1\nkind: Config\n"
      + "users:\n- name: u\n  user:\n    token: t0p-s3cr3t-token\n";

  @TempDir Path tmp;
  EnvFixture fx;
  JxeHome home;
  RunService runs;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fx = new EnvFixture(tmp);
    home = new JxeHome(tmp.resolve("home"), List.of()).ensureExists();
    runs = new RunService(fx.activities, new FileLogStore(home.logs()), new LocalBackend(home.scripts()),
        ClusterCredentials.scoped(new LocalSecretProvider(List.of(), Map.of()), fx.environments::environments,
            () -> Optional.of(KUBECONFIG)),
        home);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** The template's pipeline with the apply step showing the credentials instead of using them. */
  static String pipeline(Path checkout) throws Exception {
    String yaml = Files.readString(checkout.resolve(".jx/pipeline.yaml"));
    assertThat(yaml).contains("secret: jxe-cluster", "env: JXE_KUBECONFIG_DATA", "run: jxe env apply .");
    return yaml.replace("run: jxe env apply .",
        "run: printf '%s' \"$JXE_KUBECONFIG_DATA\" > received && grep token received")
        .replace("run: jxe env validate .", "run: echo validated");
  }

  Path checkout(String repoUrl) throws Exception {
    Path dir = tmp.resolve("checkout-" + log.size() + "-" + System.nanoTime());
    Git.cloneRepository().setURI(repoUrl).setBranch("main").setDirectory(dir.toFile()).call().close();
    return dir;
  }

  RunOutcome run(Path checkout, String event) throws Exception {
    LoadResult loaded = new PipelineLoader(Catalog.empty()).loadString(pipeline(checkout), ".jx/pipeline.yaml", "environment");
    assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
    RunContext ctx = GitInfo.detect(checkout, event, null, null);
    RunListener console = new RunListener() {
      @Override public void stage(String stage, Status status, String message) {}

      @Override public void step(String stage, String step, String phase, Status status, int attempt,
          Integer exitCode, String message) {}

      @Override public void log(String stage, String step, String line) {
        log.add(line);
      }
    };
    return runs.run(new RunRequest(loaded.effective(), ctx, checkout, 0, true), console, new Backend.CancelSignal());
  }

  @Test
  void aPushToMainOfTheEnvironmentRepositoryGetsTheKubeconfigMaskedInItsLog() throws Exception {
    Environment env = fx.environment("staging", PromotionStrategy.Auto);

    RunOutcome outcome = run(checkout(env.repoUrl()), "push");

    assertThat(outcome.status()).as(outcome.diagnostics().toString()).isEqualTo(Status.Succeeded);
    Path workspace = home.workspaces().resolve(Long.toString(outcome.activity().id()));
    assertThat(Files.readString(workspace.resolve("received"))).isEqualTo(KUBECONFIG);
    assertThat(String.join("\n", log)).doesNotContain("t0p-s3cr3t-token").contains("***");
  }

  @Test
  void aPullRequestRunOfTheEnvironmentRepositoryValidatesWithoutTheCredentials() throws Exception {
    Environment env = fx.environment("staging", PromotionStrategy.Auto);

    RunOutcome outcome = run(checkout(env.repoUrl()), "pull_request");

    assertThat(outcome.status()).as(outcome.diagnostics().toString()).isEqualTo(Status.Succeeded);
    Path workspace = home.workspaces().resolve(Long.toString(outcome.activity().id()));
    assertThat(workspace.resolve("received")).doesNotExist();
    assertThat(log).contains("validated");
  }

  @Test
  void anotherRepositoryAskingForThemIsRefusedBeforeAnythingRuns() throws Exception {
    Environment env = fx.environment("staging", PromotionStrategy.Auto);
    Path copy = tmp.resolve("not-an-environment.git");
    Git.cloneRepository().setURI(env.repoUrl()).setBare(true).setDirectory(copy.toFile()).call().close();

    RunOutcome outcome = run(checkout(copy.toString()), "push");

    assertThat(outcome.status()).isEqualTo(Status.Error);
    assertThat(outcome.activity()).isNull();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).contains(Code.SECRET_WITHHELD);
  }
}
