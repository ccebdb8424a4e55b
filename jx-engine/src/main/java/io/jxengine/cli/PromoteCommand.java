package io.jxengine.cli;

import io.jxengine.activity.Status;
import io.jxengine.gitops.Environment;
import io.jxengine.gitops.PromotionException;
import io.jxengine.gitops.PromotionRequest;
import io.jxengine.gitops.PromotionResult;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.gitops.Promoter;
import io.jxengine.gitops.SemVer;
import io.jxengine.parse.GoDuration;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Promotes a version of an application into an environment through a pull request on the"
          + " environment's repository (plain git repositories are merged by the engine).",
      "Auto merges when the repository's check passes; Manual waits for a merge, an /approve"
          + " comment or `jxe promote --approve`; Never skips. Each wait ends after --timeout."
    })
final class PromoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "APP", description = "The application (apps/APP.yaml in the environment repository).")
  String app;

  @Option(names = "--version", required = true, paramLabel = "V", description = "The version to promote (semver).")
  String version;

  static final class Target {
    @Option(names = "--env", paramLabel = "ENV", description = "The environment.")
    String env;

    @Option(names = "--all-auto", description = "Every environment whose strategy is Auto.")
    boolean allAuto;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--approve", description = "Approve the waiting Manual promotion of APP at V into ENV, and return.")
  boolean approve;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "How long each wait may take (default 30m).")
  String timeout = "30m";

  @Option(names = "--poll", paramLabel = "DURATION", description = "How often a wait looks again (default 10s).")
  String poll = "10s";

  @Override
  public Integer call() {
    if (!SemVer.isValid(version)) {
      throw new UserException("--version: `" + version + "` is not a semantic version (JX801):"
          + " write MAJOR.MINOR.PATCH such as 1.4.2", ExitCodes.FAILED);
    }
    Duration wait = duration("--timeout", timeout);
    Duration every = duration("--poll", poll);
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext();
        SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(engine.home().database())) {
      if (approve) {
        if (target.env == null || envs.environment(target.env).isEmpty()) {
          throw new UserException("--approve needs the --env of a registered environment");
        }
        String who = System.getProperty("user.name", "unknown");
        envs.approve(target.env, app, SemVer.normalize(version), who);
        out.printf("Approved the promotion of %s %s into %s (by %s)%n", app, version, target.env, who);
        return ExitCodes.OK;
      }
      List<String> names = new ArrayList<>();
      if (target.allAuto) {
        envs.environments().stream().filter(e -> e.strategy() == PromotionStrategy.Auto)
            .map(Environment::name).forEach(names::add);
        if (names.isEmpty()) {
          out.println("No environment has strategy Auto: nothing to promote.");
          return ExitCodes.OK;
        }
      } else {
        names.add(target.env);
      }
      GitOpsAccess access = new GitOpsAccess(engine);
      Promoter promoter = new Promoter(envs, engine.store(), access::provider, access::credentials,
          engine.home().root().resolve("gitops"), Clock.systemUTC());
      int exit = ExitCodes.OK;
      List<String> messages = new ArrayList<>();
      for (String env : names) {
        PromotionResult r;
        try {
          r = promoter.promote(new PromotionRequest(app, version, env, wait, every));
        } catch (PromotionException e) {
          throw new UserException(e.getMessage());
        }
        out.printf("%s %s -> %s: %s: %s%n", app, version, env, r.status(), r.message());
        out.flush();
        messages.add(env + ": " + r.status() + (r.pullRequestUrl() == null ? "" : " " + r.pullRequestUrl()));
        if (r.status().isFailure()) {
          exit = ExitCodes.FAILED;
        }
      }
      stepMessage(String.join("; ", messages));
      return exit;
    }
  }

  /**
   * Inside a pipeline step, records the outcome (with the pull requests) as the step's message on
   * the activity, through the step's {@code $JXE_ENV} file.
   */
  private static void stepMessage(String message) {
    String file = System.getenv("JXE_ENV");
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of(file),
          "JXE_STEP_MESSAGE=" + message.replace('\n', ' ') + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      // The promotion itself is recorded on its own activity; the step's message is a convenience.
    }
  }

  private static Duration duration(String option, String text) {
    return GoDuration.parse(text).filter(d -> !d.isNegative() && !d.isZero()).orElseThrow(() ->
        new UserException(option + ": '" + text + "' is not a duration (e.g. 30s, 10m)", ExitCodes.USAGE));
  }

}
