package io.jxengine.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.gitops.EnvApplier;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.ChartRepository;
import io.jxengine.kube.apply.KubeApplyException;
import io.jxengine.kube.apply.KubeClients;
import io.jxengine.kube.apply.ResourceApplier;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Applies an environment repository checkout to the cluster of the current kubeconfig:"
          + " renders every application (charts, manifests), applies them server-side into the"
          + " environment's namespace, prunes what was removed, and records the versions.",
      "Nothing is applied when the repository has errors (printed as file:line:col)."
    })
final class EnvApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", defaultValue = ".", description = "The checkout (default: the working directory).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    KubernetesClient client = KubeClients.fromEnvironment().orElseThrow(() -> new UserException(
        "no cluster configured: set KUBECONFIG (or ~/.kube/config) to apply an environment"));
    try (client;
        EngineContext engine = new EngineContext();
        SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(engine.home().database())) {
      EnvApplier applier = new EnvApplier(new ResourceApplier(client), new ChartRenderer(),
          new ChartRepository(engine.home().root().resolve("charts")), envs, Clock.systemUTC());
      EnvApplier.Outcome outcome;
      try {
        outcome = applier.apply(dir, head(dir));
      } catch (KubeApplyException e) {
        throw new UserException("apply failed, nothing more was applied: " + e.getMessage());
      }
      if (!outcome.ok()) {
        DiagnosticPrinter.text(outcome.diagnostics(), out);
        DiagnosticPrinter.summary(outcome.diagnostics(), spec.commandLine().getErr());
        out.println("nothing applied");
        out.flush();
        return ExitCodes.FAILED;
      }
      outcome.applied().forEach((app, n) -> out.printf("applied %s: %d object(s)%n", app, n));
      outcome.pruned().forEach(ref -> out.printf("pruned %s%n", ref));
      outcome.removed().forEach(app -> out.printf("removed %s from %s%n", app, outcome.environment()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The checkout's commit, or null when it is not a git checkout. */
  private static String head(Path dir) {
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
      var id = git.getRepository().resolve("HEAD");
      return id == null ? null : id.name();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
