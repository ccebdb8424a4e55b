package io.jxengine.bench;

import io.jxengine.release.NextVersion;
import io.jxengine.release.SemVer;
import io.jxengine.release.VersionHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Time of {@code jxe step next-version}'s work (highest reachable version tag, conventional commits
 * since, next version; JGit, warm JVM) on a generated repository of {@code commits} commits and
 * {@code tags} annotated version tags, against two baselines measured in the same run on the same
 * repository: {@code git describe --tags --abbrev=0} (the git CLI, a process per call) and a bare
 * JGit RevWalk over every commit. The repository is made with {@code git fast-import} (one pack).
 * Usage: {@code NextVersionBench [commits] [tags] [rounds]}.
 */
public final class NextVersionBench {
  /** The figures, in milliseconds (medians). */
  public record Result(int commits, int tags, String version, double engineMs, double describeMs,
      double revWalkMs) {}

  private static final String[] MESSAGES = {
    "fix: a bug", "chore: tidy", "feat(api): a feature", "docs: words", "refactor: names"};

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int tags = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
    Path work = Files.createTempDirectory("jxe-nextversion-bench");
    try {
      Result r = measure(commits, tags, rounds, work);
      System.out.printf("next-version benchmark: %d commits, %d tags, medians of %d rounds (warm JVM)%n",
          r.commits(), r.tags(), rounds);
      System.out.printf("  jxe step next-version (JGit):     %8.1f ms  -> %s%n", r.engineMs(), r.version());
      System.out.printf("  git describe --tags --abbrev=0:   %8.1f ms  (%.2fx)%n", r.describeMs(),
          r.engineMs() / r.describeMs());
      System.out.printf("  JGit RevWalk over every commit:   %8.1f ms  (%.2fx)%n", r.revWalkMs(),
          r.engineMs() / r.revWalkMs());
    } finally {
      deleteTree(work);
    }
  }

  public static Result measure(int commits, int tags, int rounds, Path work) throws Exception {
    Path repoDir = generate(commits, tags, work.resolve("repo"));
    try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoDir.toFile())
        .setGitDir(repoDir.resolve(".git").toFile()).setMustExist(true).build()) {
      String version = null;
      long[] engine = new long[rounds];
      long[] describe = new long[rounds];
      long[] walk = new long[rounds];
      for (int i = -2; i < rounds; i++) { // two warm-up rounds
        long t0 = System.nanoTime();
        VersionHistory.History h = VersionHistory.read(repo, "HEAD", null, "v", false);
        SemVer next = NextVersion.next(h.last() == null ? null : h.last().version(), h.commits());
        long t1 = System.nanoTime();
        describe(repoDir);
        long t2 = System.nanoTime();
        int seen = revWalk(repo);
        long t3 = System.nanoTime();
        if (seen != commits) {
          throw new IllegalStateException("walked " + seen + " commits, expected " + commits);
        }
        version = next.toString();
        if (i >= 0) {
          engine[i] = t1 - t0;
          describe[i] = t2 - t1;
          walk[i] = t3 - t2;
        }
      }
      return new Result(commits, tags, version, median(engine), median(describe), median(walk));
    }
  }

  /**
   * A linear history of {@code commits} conventional commits, a version tag every {@code
   * commits / tags} commits (versions rising), the last tag ten commits before HEAD.
   */
  static Path generate(int commits, int tags, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run(dir, "git", "init", "-q", "-b", "main", ".");
    Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int every = Math.max(1, commits / tags);
    long time = 1_700_000_000L;
    try (OutputStream out = new java.io.BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
      int tagged = 0;
      for (int i = 1; i <= commits; i++) {
        StringBuilder s = new StringBuilder("commit refs/heads/main\nmark :").append(i).append('\n')
            .append("committer Bench <bench@example.com> ").append(time + i).append(" +0000\n");
        data(s, MESSAGES[i % MESSAGES.length] + " " + i + "\n");
        if (i > 1) {
          s.append("from :").append(i - 1).append('\n');
        }
        s.append('\n');
        int k = tagged;
        if (tagged < tags && i % every == 0 && i <= commits - 10) {
          s.append("tag v").append(1 + k / 100).append('.').append(k / 10 % 10).append('.').append(k % 10)
              .append("\nfrom :").append(i).append("\ntagger Bench <bench@example.com> ")
              .append(time + i).append(" +0000\n");
          data(s, "release\n");
          s.append('\n');
          tagged++;
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("git fast-import failed");
    }
    return dir;
  }

  private static void data(StringBuilder s, String text) {
    s.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text);
  }

  private static void describe(Path repo) throws IOException, InterruptedException {
    run(repo, "git", "describe", "--tags", "--abbrev=0");
  }

  private static int revWalk(Repository repo) throws IOException {
    int n = 0;
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve("HEAD")));
      for (RevCommit c : walk) {
        n++;
      }
    }
    return n;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
    }
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
