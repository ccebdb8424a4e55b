package io.jxengine.server.trigger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A bare "origin" repository and a working clone, driven with the git CLI. */
final class GitFixture {
  final Path origin;
  final Path work;

  private GitFixture(Path origin, Path work) {
    this.origin = origin;
    this.work = work;
  }

  /** An empty bare repository {@code <dir>/<name>.git} and a clone of it on branch main. */
  static GitFixture create(Path dir, String name) throws IOException {
    Path origin = dir.resolve(name + ".git");
    Path work = dir.resolve(name + "-work");
    run(dir, "init", "-q", "--bare", "-b", "main", origin.toString());
    run(dir, "init", "-q", "-b", "main", work.toString());
    run(work, "remote", "add", "origin", origin.toString());
    return new GitFixture(origin, work);
  }

  /** A second bare repository holding this one's history, as a fork would. */
  GitFixture fork(Path dir, String name) throws IOException {
    Path forkOrigin = dir.resolve(name + ".git");
    run(dir, "clone", "-q", "--bare", origin.toString(), forkOrigin.toString());
    Path forkWork = dir.resolve(name + "-work");
    run(dir, "clone", "-q", forkOrigin.toString(), forkWork.toString());
    return new GitFixture(forkOrigin, forkWork);
  }

  String write(String path, String content) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    git("add", "--", path);
    return path;
  }

  /** Writes files (path, content, path, content...) and commits them; returns the new SHA. */
  String commit(String message, String... pathsAndContents) throws IOException {
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      write(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    git("commit", "-q", "--allow-empty", "-m", message);
    return sha("HEAD");
  }

  String sha(String rev) throws IOException {
    return git("rev-parse", rev + "^{commit}");
  }

  String git(String... args) throws IOException {
    return run(work, args);
  }

  static String run(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Jane Doe",
        "-c", "user.email=jane@example.com", "-c", "commit.gpgsign=false",
        "-c", "tag.gpgsign=false", "-c", "protocol.file.allow=always"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }
}
