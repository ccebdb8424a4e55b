package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.diag.Diagnostic;
import io.jxengine.engine.PipelineRunner;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.source.GitInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a repository's pipeline on this machine, in a copy of the directory,",
      "or with --kube on a Kubernetes cluster (which clones the pushed commit).",
      "The exit code is the pipeline's result: 0 Succeeded, 1 Failed or TimedOut, 3 Aborted."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "The repository directory (default: the current one).")
  Path dir = Path.of(".");

  @Option(
      names = {"-p", "--pipeline"},
      description = "Which pipeline to run (default: .jx/pipeline.yaml, or the only one).")
  String pipeline;

  @Option(names = "--event", description = "The event to pretend: push, pull_request, tag, cron, manual.")
  String event;

  @Option(names = "--build-version", description = "VERSION for the steps (default: git describe, else 0.0.0-SNAPSHOT).")
  String version;

  @Option(
      names = "--changed-since",
      paramLabel = "REV",
      description = "Decide `when.paths` from the files changed since this git revision.")
  String changedSince;

  @Option(
      names = "--concurrency",
      description = "How many stages may run at once when the pipeline does not say (default 4).")
  int concurrency;

  @Option(names = "--secrets-file", description = "A YAML file of secrets ({secret: {key: value}}).")
  List<Path> secretsFiles = new ArrayList<>();

  @Option(names = "--keep-workspace", description = "Keep the run's workspace directory afterwards.")
  boolean keepWorkspace;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the steps' output.")
  boolean quiet;

  @Option(names = "--kube", description = "Run on the Kubernetes cluster of the kubeconfig (Tekton, else plain Pods).")
  boolean kube;

  @Option(names = {"-n", "--namespace"}, description = "With --kube: the build namespace (default: the context's).")
  String namespace;

  @Option(names = "--context", description = "With --kube: the kubeconfig context (default: the current one).")
  String context;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      throw new UserException("not a directory: " + dir);
    }
    try (EngineContext engine = new EngineContext()) {
      RepoPipelines repo = RepoPipelines.load(dir, engine.home());
      if (!repo.problems().isEmpty() && repo.problems().stream().anyMatch(Diagnostic::isError)) {
        DiagnosticPrinter.text(repo.problems(), err);
        return ExitCodes.FAILED;
      }
      RepoPipelines.Loaded chosen =
          repo.select(pipeline)
              .orElseThrow(
                  () -> new UserException(
                      pipeline == null
                          ? "several pipelines (" + repo.names() + "); choose one with --pipeline"
                          : "no pipeline named `" + pipeline + "`; this repository has: " + repo.names()));
      List<Diagnostic> diags = chosen.result().diagnostics();
      DiagnosticPrinter.text(diags, err);
      if (chosen.result().hasErrors()) {
        DiagnosticPrinter.summary(diags, err);
        return ExitCodes.FAILED;
      }
      RunContext ctx;
      try {
        ctx = GitInfo.detect(repo.repoDir(), event, version, changedSince);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      RunRequest request =
          new RunRequest(chosen.result().effective(), ctx, repo.repoDir(), concurrency, keepWorkspace);
      if (!kube) {
        return execute(engine.runService(secretsFiles), request, out, err);
      }
      ClusterRunner.requireRemote(ctx);
      try (ClusterRunner cluster = ClusterRunner.connect(context, namespace, engine)) {
        out.println("jxe: running on the cluster, namespace " + cluster.namespace());
        return execute(cluster.service(), request, out, err);
      }
    }
  }

  private int execute(PipelineRunner runner, RunRequest request, PrintWriter out, PrintWriter err) {
    Backend.CancelSignal cancel = new Backend.CancelSignal();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancel.cancel("interrupted (signal)");
              try {
                finished.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "jxe-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Instant start = Instant.now();
    RunOutcome outcome;
    try {
      outcome =
          runner.run(request, new ConsoleListener(out, quiet), cancel);
    } finally {
      finished.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting; the hook is running
    }
    if (outcome.activity() == null) {
      DiagnosticPrinter.text(outcome.diagnostics(), err);
      return ExitCodes.FAILED;
    }
    Activity a = outcome.activity();
    DiagnosticPrinter.text(outcome.diagnostics(), err);
    String took = Durations.human(Duration.between(start, Instant.now()));
    out.println(
        "jxe: " + a.displayName() + " (" + a.context() + ") " + outcome.status() + " in " + took
            + (a.message().isEmpty() ? "" : ": " + a.message()));
    out.flush();
    return exitCodeOf(outcome.status());
  }

  static int exitCodeOf(Status status) {
    return switch (status) {
      case Succeeded -> ExitCodes.OK;
      case Aborted, Cancelled -> ExitCodes.ABORTED;
      default -> ExitCodes.FAILED;
    };
  }
}
