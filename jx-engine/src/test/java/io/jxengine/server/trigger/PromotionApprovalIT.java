package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Status;
import io.jxengine.gitops.EnvRepoCreator;
import io.jxengine.gitops.Environment;
import io.jxengine.gitops.PromotionApprovals;
import io.jxengine.gitops.PromotionRequest;
import io.jxengine.gitops.PromotionResult;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.gitops.Promoter;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.TriggerPlanner.Decision;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteEnvironmentStore;
import io.jxengine.store.SqlitePullRequestGates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Manual promotion approved through the server's ChatOps: a real {@link Promoter} waits on the
 * environment repository's pull request (real bare repository, the in-memory provider, real
 * SQLite), and the issue_comment webhook's event goes through the real planner: an untrusted
 * author's {@code /approve} is ignored with a reply; a trusted one's is recorded and merges the
 * pull request, so the waiting promotion succeeds at once.
 */
class PromotionApprovalIT {
  static final RepoRef REF = new RepoRef(ProviderKind.GITHUB, "acme", "env-production");
  static final Path TEMPLATE = Path.of("..", "gitops-repo-template", "template");

  @TempDir Path tmp;
  SqliteActivityStore activities;
  SqliteEnvironmentStore environments;
  SqlitePullRequestGates gates;
  FakeGitProvider provider = new FakeGitProvider();
  DefaultTriggerPlanner planner;
  Path bare;

  @BeforeEach
  void setUp() throws Exception {
    Path db = tmp.resolve("jxe.db");
    activities = SqliteActivityStore.open(db);
    environments = SqliteEnvironmentStore.open(db);
    gates = SqlitePullRequestGates.open(db);
    bare = tmp.resolve("env-production.git");
    new EnvRepoCreator(environments, TEMPLATE, tmp.resolve("work"), Clock.systemUTC()).create(
        new EnvRepoCreator.Request("plain", PromotionStrategy.Manual, "jx-production", "", bare.toString(),
            ProviderKind.GIT, null, null, null, null, "main"), null, null);
    Path clone = tmp.resolve("clone");
    try (Git git = Git.cloneRepository().setURI(bare.toString()).setDirectory(clone.toFile()).call()) {
      Files.createDirectories(clone.resolve("apps"));
      Files.writeString(clone.resolve("apps/web.yaml"), "chart: charts/web\nversion: 1.0.0\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("add web").setAuthor("t", "t@localhost").setCommitter("t", "t@localhost").call();
      git.push().call();
    }
    environments.register(new Environment("production", "jx-production", PromotionStrategy.Manual, "",
        bare.toString(), ProviderKind.GITHUB, "acme", "env-production", "https://api.github.invalid", null,
        "main", null));
    environments.register(new Environment("staging", "jx-staging", PromotionStrategy.Auto, "",
        tmp.resolve("elsewhere.git").toString(), ProviderKind.GITHUB, "acme", "env-staging",
        "https://api.github.invalid", null, "main", null));
    planner = new DefaultTriggerPlanner(tmp.resolve("mirrors"), List.of(), r -> Optional.of(provider),
        activities, gates, new PromotionApprovals(environments));
  }

  @AfterEach
  void tearDown() {
    gates.close();
    environments.close();
    activities.close();
  }

  Repository repo() {
    return new Repository(3, ProviderKind.GITHUB, "acme", "env-production", bare.toString(), null, null, "s",
        "main", List.of("boss"), null, null, Instant.EPOCH);
  }

  static GitEvent.Comment comment(String author, String body, long id) {
    return new GitEvent.Comment(REF, "https://github.com/acme/env-production.git", "created", 1, true, body,
        author, null, id, null);
  }

  Promoter promoter() {
    return new Promoter(environments, activities, e -> provider, e -> null, tmp.resolve("promote"), Clock.systemUTC());
  }

  /**
   * Starts the promotion and returns once it waits on pull request #1, whose head is then the
   * pushed branch. It asks again only every {@code poll}: long enough that the comment below is
   * planned (and merges) between two of its looks.
   */
  CompletableFuture<PromotionResult> promotion(Duration timeout, Duration poll) throws Exception {
    CompletableFuture<PromotionResult> result = CompletableFuture.supplyAsync(() -> promoter().promote(
        new PromotionRequest("web", "1.2.0", "production", timeout, poll)));
    await().atMost(Duration.ofSeconds(60)).until(() -> !provider.pullRequests(REF).isEmpty());
    try (Git git = Git.open(bare.toFile())) {
      String head = git.getRepository().resolve(Constants.R_HEADS + "promote/web-1.2.0").name();
      provider.pushHead(REF, 1, head);
    }
    return result;
  }

  @Test
  void anUntrustedApproveIsIgnoredWithAReplyThenATrustedOneMergesAndTheWaitingPromotionEnds() throws Exception {
    CompletableFuture<PromotionResult> promotion = promotion(Duration.ofMinutes(2), Duration.ofSeconds(5));

    Decision ignored = planner.plan(repo(), comment("stranger", "/approve", 41), "d1");

    assertThat(ignored.replies()).singleElement().satisfies(r -> {
      assertThat(r.marker()).isEqualTo("untrusted-comment-41");
      assertThat(r.body()).contains("@stranger", "/approve");
    });
    assertThat(environments.approver("production", "web", "1.2.0")).isEmpty();
    assertThat(provider.getPullRequest(REF, 1).merged()).isFalse();

    Decision approved = planner.plan(repo(), comment("boss", "Looks right.\n/approve", 42), "d2");

    assertThat(approved.runs()).isEmpty();
    assertThat(approved.replies()).anySatisfy(r -> {
      assertThat(r.marker()).isEqualTo(PromotionApprovalPlanning.MARKER);
      assertThat(r.body()).contains("@boss", "merged", "web 1.2.0 to production");
    });
    assertThat(environments.approver("production", "web", "1.2.0")).contains("boss");
    assertThat(provider.getPullRequest(REF, 1).merged()).isTrue();
    PromotionResult result = promotion.get(60, TimeUnit.SECONDS);
    assertThat(result.status()).as(result.message()).isEqualTo(Status.Succeeded);
  }

  @Test
  void lgtmApprovesTooAndARefusedMergeIsLeftToThePromotion() throws Exception {
    PromotionResult first = promotion(Duration.ofMillis(300), Duration.ofMillis(50)).get(60, TimeUnit.SECONDS);
    assertThat(first.status()).isEqualTo(Status.TimedOut);
    provider.failNext(FakeGitProvider.Operation.MERGE, 409);

    Decision approved = planner.plan(repo(), comment("boss", "/lgtm", 43), "d3");

    assertThat(approved.replies()).anySatisfy(r -> assertThat(r.body()).contains("@boss", "HTTP 409"));
    assertThat(environments.approver("production", "web", "1.2.0")).contains("boss");
    assertThat(provider.getPullRequest(REF, 1).merged()).isFalse();
    PromotionResult again = promoter().promote(
        new PromotionRequest("web", "1.2.0", "production", Duration.ofSeconds(30), Duration.ofMillis(50)));
    assertThat(again.status()).as(again.message()).isEqualTo(Status.Succeeded);
    assertThat(provider.getPullRequest(REF, 1).merged()).isTrue();
  }
}
