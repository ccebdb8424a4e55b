package io.jxengine.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's real {@code ./jxe} launcher as a process, with its own JXE_HOME. */
final class Jxe {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private final Path home;
  private final Map<String, String> extraEnv;

  Jxe(Path home) {
    this(home, Map.of());
  }

  Jxe(Path home, Map<String, String> extraEnv) {
    this.home = home;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  Path home() {
    return home;
  }

  /** The result of one finished command. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  Result run(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("jxe " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), read(home.resolve("out-" + p.pid())),
        read(home.resolve("err-" + p.pid())));
  }

  /** Starts a command without waiting; its output goes to files named after its pid. */
  Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("jxe").toString());
    cmd.addAll(List.of(args));
    Files.createDirectories(home);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("JXE_HOME", home.toString());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    Files.move(out, home.resolve("out-" + p.pid()));
    Files.move(err, home.resolve("err-" + p.pid()));
    return p;
  }

  String output(Process p) throws IOException {
    return read(home.resolve("out-" + p.pid()));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
