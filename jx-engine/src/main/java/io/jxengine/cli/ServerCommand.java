package io.jxengine.cli;

import io.jxengine.server.ServerConfig;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the engine server: receives git webhooks, runs the pipelines they trigger, reports",
      "commit statuses. Runs until stopped (Ctrl-C, SIGTERM), then stops running builds cleanly."
    })
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(names = "--max-runs", description = "Runs at once; more wait in a queue (default ${DEFAULT-VALUE}).")
  int maxRuns = ServerConfig.DEFAULT_MAX_RUNS;

  @Option(names = "--url", description = "The server's public URL for links in commit statuses.")
  String publicUrl;

  @Option(names = "--kube", description = {
      "Keep state in the Kubernetes cluster and elect a leader among replicas; configured by",
      "the environment the Helm chart sets (JXE_NAMESPACE, JXE_LEADER_LEASE, ...; docs/server.md)."})
  boolean kube;

  @Override
  public Integer call() throws InterruptedException {
    if (maxRuns < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-runs must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    ServerConfig config =
        new ServerConfig(bind, port, maxRuns, ServerConfig.DEFAULT_WORKERS, publicUrl);
    String url;
    AutoCloseable running;
    if (kube) {
      KubeServer server = KubeServer.start(KubeServer.settings(System.getenv()), config, out);
      url = server.url();
      running = server;
    } else {
      EngineContext engine = new EngineContext();
      EmbeddedServer server = EmbeddedServer.start(engine, config, out);
      url = server.url();
      running = () -> {
        server.close();
        engine.close();
      };
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        spec.commandLine().getErr().println("jxe: the server did not stop cleanly: " + e);
      }
      stopped.countDown();
    }, "jxe-server-shutdown"));
    out.println("jxe server listening on " + url + " (webhooks: POST /hook, UI: " + url + "/)");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
