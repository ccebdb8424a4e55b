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

  @Override
  public Integer call() throws InterruptedException {
    if (maxRuns < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-runs must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    EngineContext engine = new EngineContext();
    EmbeddedServer server =
        EmbeddedServer.start(engine, new ServerConfig(bind, port, maxRuns,
            ServerConfig.DEFAULT_WORKERS, publicUrl), out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      engine.close();
      stopped.countDown();
    }, "jxe-server-shutdown"));
    out.println("jxe server listening on " + server.url() + " (webhooks: POST /hook, UI: "
        + server.url() + "/)");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
