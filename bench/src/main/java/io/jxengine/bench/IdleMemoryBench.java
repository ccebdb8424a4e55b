package io.jxengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (d) Idle memory: a server process is started, and once it prints that it is listening and has
 * idled for a few seconds, its resident set (VmRSS in /proc/PID/status) is read. The engine runs
 * as {@code jxe server --port 0} in a temp JXE_HOME; the baseline is {@link HelloServer} on a
 * bare JVM with the launcher's flags.
 */
final class IdleMemoryBench {
  /** The JVM flags the {@code jxe} launcher uses (its CDS archive aside). */
  static final List<String> LAUNCHER_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m");

  record Result(long engineKb, long baselineKb, double idleSeconds) {}

  private IdleMemoryBench() {}

  /**
   * @param engineCommand starts the engine's server on any free port (such as {@code ./jxe
   *     server --port 0})
   */
  static Result measure(Path work, List<String> engineCommand, double idleSeconds)
      throws Exception {
    Path home = Files.createDirectories(work.resolve("home"));
    long engine = rss(engineCommand, Map.of("JXE_HOME", home.toString()),
        work.resolve("engine.out"), "listening on", idleSeconds);
    List<String> hello = new ArrayList<>();
    hello.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    hello.addAll(LAUNCHER_FLAGS);
    hello.addAll(List.of("-cp", System.getProperty("java.class.path"),
        HelloServer.class.getName()));
    long baseline = rss(hello, Map.of(), work.resolve("hello.out"), "listening on", idleSeconds);
    return new Result(engine, baseline, idleSeconds);
  }

  /** The engine started in-JVM style: java, the launcher's flags, this classpath, the CLI main. */
  static List<String> engineOnThisClasspath() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(LAUNCHER_FLAGS);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jxengine.cli.Main",
        "server", "--port", "0"));
    return cmd;
  }

  private static long rss(List<String> cmd, Map<String, String> env, Path out, String ready,
      double idleSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      long deadline = System.currentTimeMillis() + 180_000; // the launcher may build first
      while (!Files.readString(out, StandardCharsets.UTF_8).contains(ready)) {
        if (!p.isAlive() || System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(String.join(" ", cmd) + " did not get ready: "
              + Files.readString(out, StandardCharsets.UTF_8));
        }
        Thread.sleep(50);
      }
      Thread.sleep((long) (idleSeconds * 1000));
      return vmRssKb(p.pid());
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  static long vmRssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for pid " + pid);
  }
}
