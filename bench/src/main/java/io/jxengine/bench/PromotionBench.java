package io.jxengine.bench;

import io.jxengine.gitops.EnvRepoCreator;
import io.jxengine.gitops.Environment;
import io.jxengine.gitops.PromotionRequest;
import io.jxengine.gitops.PromotionResult;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.gitops.Promoter;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestComment;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteEnvironmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;

/**
 * Time from a release's end to the staging promotion pull request being opened (checks excluded:
 * the provider is the in-memory one, whose pull request passes at once), against a baseline in the
 * same run: a bare JGit clone, the same one-line edit, a commit and a push of a branch, of the same
 * environment repository. The repository holds {@code apps} applications. Usage: {@code
 * PromotionBench [rounds] [apps]}.
 */
public final class PromotionBench {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int apps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path root = Files.createTempDirectory("promotion-bench");
    try (SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(root.resolve("jxe.db"));
        SqliteActivityStore activities = SqliteActivityStore.open(root.resolve("jxe.db"))) {
      Environment plain = new EnvRepoCreator(envs, Path.of("gitops-repo-template", "template"),
          root.resolve("work"), Clock.systemUTC()).create(new EnvRepoCreator.Request("plain",
              PromotionStrategy.Auto, "jx-staging", "", root.resolve("staging.git").toString(),
              ProviderKind.GIT, null, null, null, null, "main"), null, null);
      addApps(plain.repoUrl(), root.resolve("seed"), apps);
      envs.register(new Environment("staging", "jx-staging", PromotionStrategy.Auto, "", plain.repoUrl(),
          ProviderKind.GITHUB, "acme", "staging", "http://unused", null, "main", null));
      TimedProvider provider = new TimedProvider();
      Promoter promoter = new Promoter(envs, activities, e -> provider, e -> null, root.resolve("work"), Clock.systemUTC());
      List<Double> engine = new ArrayList<>();
      List<Double> baseline = new ArrayList<>();
      for (int i = -3; i < rounds; i++) { // negative i: warm-up
        String version = "1." + (i + 10) + ".0";
        long b = baseline(plain.repoUrl(), root.resolve("baseline-" + (i + 3)), "app-7", version);
        long start = System.nanoTime();
        provider.passChecks(version);
        PromotionResult r = promoter.promote(new PromotionRequest("app-7", version, "staging",
            Duration.ofMinutes(1), Duration.ofMillis(5)));
        if (!"Succeeded".equals(r.status().name())) {
          throw new IllegalStateException(r.message());
        }
        if (i >= 0) {
          engine.add((provider.openedAt - start) / 1e6);
          baseline.add(b / 1e6);
        }
      }
      Stats e = Stats.of(engine);
      Stats base = Stats.of(baseline);
      System.out.printf("promotion benchmark: %d rounds, environment repository of %d applications%n", rounds, apps);
      System.out.printf("  release end -> staging PR opened: p50 %.1f ms, p90 %.1f ms%n", e.p50(), e.p90());
      System.out.printf("  baseline JGit clone+edit+commit+push of a branch: p50 %.1f ms, p90 %.1f ms%n", base.p50(), base.p90());
      System.out.printf("  ratio (p50): %.2fx%n", e.p50() / base.p50());
    } finally {
      io.jxengine.engine.FileTrees.deleteQuietly(root);
    }
  }

  private static void addApps(String url, Path dir, int apps) throws Exception {
    try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).call()) {
      for (int i = 0; i < apps; i++) {
        Files.writeString(dir.resolve("apps/app-" + i + ".yaml"), "chart: app-" + i + "\nversion: 0.1.0\n");
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("apps").setAuthor("bench", "bench@localhost").setCommitter("bench", "bench@localhost").call();
      git.push().call();
    }
  }

  /** The baseline: what any promotion must do with git at least, in nanoseconds. */
  private static long baseline(String url, Path dir, String app, String version) throws Exception {
    long t0 = System.nanoTime();
    try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).call()) {
      Path file = dir.resolve("apps/" + app + ".yaml");
      Files.writeString(file, Files.readString(file).replaceAll("version: .*", "version: " + version));
      git.checkout().setName("baseline-" + version).setCreateBranch(true).call();
      git.add().addFilepattern(".").call();
      git.commit().setMessage("baseline").setAuthor("bench", "bench@localhost").setCommitter("bench", "bench@localhost").call();
      git.push().add("baseline-" + version).call();
    }
    return System.nanoTime() - t0;
  }

  /** The in-memory provider, noting when the pull request was opened; its checks pass at once. */
  private static final class TimedProvider implements GitProvider {
    private final FakeGitProvider fake = new FakeGitProvider();
    private final RepoRef repo = new RepoRef(ProviderKind.GITHUB, "acme", "staging");
    volatile long openedAt;

    void passChecks(String version) {
      fake.setCommitStatus(repo, "fake-promote/app-7-" + version,
          new CommitStatus(CommitStatus.State.SUCCESS, "jx-engine/pr", "ok", null));
    }

    @Override public ProviderKind kind() { return fake.kind(); }
    @Override public void setCommitStatus(RepoRef r, String sha, CommitStatus s) { fake.setCommitStatus(r, sha, s); }
    @Override public CommentInfo upsertComment(RepoRef r, int n, String m, String b) { return fake.upsertComment(r, n, m, b); }
    @Override public PullRequestInfo openPullRequest(RepoRef r, String h, String b, String t, String body) {
      PullRequestInfo pr = fake.openPullRequest(r, h, b, t, body);
      openedAt = System.nanoTime();
      return pr;
    }
    @Override public Optional<PullRequestInfo> findOpenPullRequest(RepoRef r, String h, String b) { return fake.findOpenPullRequest(r, h, b); }
    @Override public PullRequestInfo getPullRequest(RepoRef r, int n) { return fake.getPullRequest(r, n); }
    @Override public PullRequestInfo merge(RepoRef r, int n, String sha, String t) { return fake.merge(r, n, sha, t); }
    @Override public boolean hasWriteAccess(RepoRef r, String u) { return fake.hasWriteAccess(r, u); }
    @Override public boolean isOrgMember(String o, String u) { return fake.isOrgMember(o, u); }
    @Override public List<CommitStatus> commitStatuses(RepoRef r, String sha) { return fake.commitStatuses(r, sha); }
    @Override public List<PullRequestComment> pullRequestComments(RepoRef r, int n) { return fake.pullRequestComments(r, n); }
  }
}
