package io.jxengine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real repositories made with the git CLI for the server tiers' ITs. */
public final class GitFixture {
  /** Output of a git command: exit code, stdout, stderr. */
  public record Result(int exit, String out, String err) {}

  private final Path root;

  public GitFixture(Path root) {
    this.root = root;
  }

  /** A new bare repository {@code <name>.git} whose HEAD is main. */
  public Path bare(String name) throws IOException {
    Path bare = root.resolve(name + ".git");
    ok(root, "init", "-q", "--bare", "-b", "main", bare.toString());
    return bare;
  }

  /** A working clone of {@code bare} with a committer configured. */
  public Path clone(Path bare, String dirName) throws IOException {
    Path work = root.resolve(dirName);
    ok(root, "clone", "-q", bare.toString(), work.toString());
    ok(work, "config", "user.email", "dev@example.com");
    ok(work, "config", "user.name", "Dev");
    ok(work, "checkout", "-q", "-B", "main");
    return work;
  }

  /** Writes files (path → content), commits them, returns the new head sha. */
  public String commit(Path work, Map<String, String> files, String message) throws IOException {
    for (var e : files.entrySet()) {
      Path f = work.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
    }
    ok(work, "add", "-A");
    ok(work, "commit", "-q", "-m", message);
    return ok(work, "rev-parse", "HEAD").out().trim();
  }

  public Result push(Path work, String... refspecs) throws IOException {
    List<String> args = new ArrayList<>(List.of("push", "origin"));
    args.addAll(List.of(refspecs));
    return git(work, args.toArray(String[]::new));
  }

  public Result ok(Path dir, String... args) throws IOException {
    Result r = git(dir, args);
    if (r.exit() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + r.err());
    }
    return r;
  }

  public Result git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", root.toString());
    Path errFile = Files.createTempFile(root, "git", ".err");
    pb.redirectError(errFile.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git " + String.join(" ", args) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String err = Files.readString(errFile);
    Files.delete(errFile);
    return new Result(p.exitValue(), out, err);
  }
}
