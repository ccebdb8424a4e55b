package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.repos.PostReceiveHook;
import io.jxengine.server.repos.RepositoryImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the engine server on embedded defaults, creates a sample git repository from the",
      "sample pipelines, imports it, pushes a commit, follows the run the push triggers, and",
      "prints the web UI's address. Keeps serving until Ctrl-C unless --exit-after-first-run."
    })
final class QuickstartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 = any).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--sample", description = "Which sample of pipelines/examples (default ${DEFAULT-VALUE}).")
  String sample = "hello";

  @Option(names = "--exit-after-first-run", description = "Stop once the first run has ended; exit with its result.")
  boolean exitAfterFirstRun;

  @Option(names = "--timeout", description = "Seconds to wait for the triggered run (default ${DEFAULT-VALUE}).")
  int timeoutSeconds = 300;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      Path source = sampleDir(engine);
      Path work = Files.createDirectories(engine.home().root().resolve("quickstart"));
      try (EmbeddedServer server = EmbeddedServer.start(engine,
          new ServerConfig("127.0.0.1", port, ServerConfig.DEFAULT_MAX_RUNS,
              ServerConfig.DEFAULT_WORKERS, null), out)) {
        out.println("jxe: server on " + server.url());
        SampleRepo repo = SampleRepo.create(work, source);
        var imported = new RepositoryImporter(engine.repositories(), PostReceiveHook.detect(),
            engine.home().root()).importRepository(new RepositoryImporter.Request(
                repo.bare().toString(), ProviderKind.GIT, "quickstart/" + sample, null, null,
                List.of(), "main", null, server.url(), true, work));
        long repoId = imported.repository().id();
        out.println("jxe: imported " + repo.bare() + " as quickstart/" + sample + " (id " + repoId + ")");
        out.println("jxe: pushing a commit to it with git...");
        out.flush();
        repo.commitAndPush("Quickstart: add the " + sample + " pipeline");
        Activity first = awaitFirstRun(engine, sample, Duration.ofSeconds(timeoutSeconds));
        out.println("jxe: the push started " + first.displayName() + "; following its logs");
        out.flush();
        first = new LogFollower(engine.store(), engine.logs(), out, true, false).print(first, 200);
        out.println("jxe: " + first.displayName() + " " + first.status()
            + (first.message().isEmpty() ? "" : ": " + first.message()));
        out.println("jxe: see it in the web UI: " + server.url() + "/runs/" + first.id());
        out.flush();
        if (exitAfterFirstRun) {
          return RunCommand.exitCodeOf(first.status());
        }
        out.println("jxe: push more commits to " + repo.checkout() + " (git push) and watch "
            + server.url() + "/ ; Ctrl-C stops the server");
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
        forever.await();
        return ExitCodes.OK;
      }
    }
  }

  private Path sampleDir(EngineContext engine) {
    if (!sample.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new UserException("--sample must be the name of a directory in pipelines/examples");
    }
    for (Path catalog : engine.home().builtInCatalogs()) {
      Path dir = catalog.resolveSibling("examples").resolve(sample);
      if (Files.isRegularFile(dir.resolve(".jx/pipeline.yaml"))) {
        return dir;
      }
    }
    throw new UserException("no sample `" + sample + "` in pipelines/examples next to the catalog"
        + " (run jxe through the ./jxe launcher of a jx-engine checkout)");
  }

  private static Activity awaitFirstRun(EngineContext engine, String sample, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Activity> a = engine.store()
          .list(new ActivityFilter("quickstart", sample, null, null, null, 1)).stream().findFirst();
      if (a.isPresent()) {
        return a.get();
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new UserException("the push did not start a run within " + timeout.toSeconds()
        + "s; see `jxe get activities` and the server's output");
  }

  /** A bare repository and a clone of it, made with the git CLI. */
  record SampleRepo(Path bare, Path checkout) {
    static SampleRepo create(Path work, Path source) throws IOException, InterruptedException {
      String stamp = Long.toString(System.currentTimeMillis());
      Path bare = work.resolve("sample-" + stamp + ".git");
      Path clone = work.resolve("sample-" + stamp);
      git(work, "init", "-q", "--bare", "-b", "main", bare.toString());
      git(work, "clone", "-q", bare.toString(), clone.toString());
      io.jxengine.source.Workspaces.copyDirectory(source, clone);
      return new SampleRepo(bare, clone);
    }

    void commitAndPush(String message) throws IOException, InterruptedException {
      git(checkout, "checkout", "-q", "-B", "main");
      git(checkout, "add", "-A");
      git(checkout, "commit", "-q", "-m", message);
      git(checkout, "push", "-q", "origin", "main");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
      List<String> cmd = new java.util.ArrayList<>(List.of("git"));
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectErrorStream(true);
      pb.environment().putAll(Map.of(
          "GIT_AUTHOR_NAME", "jxe quickstart", "GIT_AUTHOR_EMAIL", "quickstart@jxe.invalid",
          "GIT_COMMITTER_NAME", "jxe quickstart", "GIT_COMMITTER_EMAIL", "quickstart@jxe.invalid"));
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new UserException("git " + String.join(" ", args) + " failed: " + output.strip());
      }
    }
  }
}
