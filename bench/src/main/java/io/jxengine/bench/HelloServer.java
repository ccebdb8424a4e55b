package io.jxengine.bench;

import io.javalin.Javalin;

/**
 * The idle-memory baseline: a bare JVM running a Javalin hello server on a loopback port. Prints
 * {@code hello server listening on <url>} when ready, then idles until killed.
 */
public final class HelloServer {
  private HelloServer() {}

  public static void main(String[] args) throws InterruptedException {
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false)
        .get("/", ctx -> ctx.result("hello"))
        .start("127.0.0.1", 0);
    System.out.println("hello server listening on http://127.0.0.1:" + app.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
