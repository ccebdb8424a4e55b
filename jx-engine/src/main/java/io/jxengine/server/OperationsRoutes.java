package io.jxengine.server;

import io.javalin.Javalin;

/** {@code /healthz} (the process answers), {@code /readyz} (store and worker), {@code /metrics}. */
final class OperationsRoutes {
  private final ServerApp server;

  OperationsRoutes(ServerApp server) {
    this.server = server;
  }

  void register(Javalin app) {
    app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
    app.get("/readyz", ctx -> {
      String problem = problem();
      ctx.status(problem == null ? 200 : 503)
          .contentType("text/plain")
          .result(problem == null ? "ready\n" : problem + "\n");
    });
    app.get("/metrics", ctx -> ctx
        .contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(server.metrics().scrape()));
  }

  private String problem() {
    try {
      server.parts().queue().ping();
    } catch (RuntimeException e) {
      return "the store does not answer: " + e.getMessage();
    }
    return server.workerAlive() ? null : "the delivery worker is not running";
  }
}
