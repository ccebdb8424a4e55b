package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manual approvals and merge conflicts of provider promotions, with the in-memory provider. */
class FakeProviderPromotionIT {
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "env-production");

  @TempDir Path tmp;
  EnvFixture fx;
  FakeGitProvider provider = new FakeGitProvider();

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
    Environment plain = fx.environment("plain", PromotionStrategy.Auto);
    fx.onProvider(plain, "production", PromotionStrategy.Manual, ProviderKind.GITHUB, "http://unused");
    fx.onProvider(plain, "qa", PromotionStrategy.Auto, ProviderKind.GITHUB, "http://unused");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void manualMergesAfterAnApproveCommentFromAUserWhoMayPush() throws Exception {
    provider.grantWriteAccess(REPO, "alice");
    CompletableFuture<PromotionResult> running = CompletableFuture.supplyAsync(() ->
        fx.promoter(provider).promote(EnvFixture.request("web", "3.0.0", "production", Duration.ofSeconds(60))));
    Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> !provider.pullRequests(REPO).isEmpty());

    provider.addUserComment(REPO, 1, "mallory", "/approve");
    provider.addUserComment(REPO, 1, "alice", "looks good\n/approve");
    PromotionResult r = running.get(60, TimeUnit.SECONDS);

    assertThat(r.status()).as(r.message()).isEqualTo(Status.Succeeded);
    assertThat(provider.pullRequests(REPO).get(0).merged()).isTrue();
  }

  @Test
  void anApproveFromSomeoneWithoutWriteAccessIsNotEnough() {
    CompletableFuture.runAsync(() -> {
      Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> !provider.pullRequests(REPO).isEmpty());
      provider.addUserComment(REPO, 1, "mallory", "/approve");
    });

    PromotionResult r = fx.promoter(provider).promote(EnvFixture.request("web", "3.0.0", "production", Duration.ofSeconds(2)));

    assertThat(r.status()).isEqualTo(Status.TimedOut);
    assertThat(r.message()).contains("waiting for approval");
    assertThat(provider.pullRequests(REPO).get(0).merged()).isFalse();
  }

  @Test
  void aMergeConflictRebasesAndMergesAgain() {
    RepoRef qa = new RepoRef(ProviderKind.GITHUB, "acme", "env-qa");
    provider.setCommitStatus(qa, "fake-promote/web-1.1.0", new CommitStatus(CommitStatus.State.SUCCESS, "jx-engine/pr", "ok", null));
    provider.failNext(FakeGitProvider.Operation.MERGE, 409);

    PromotionResult r = fx.promoter(provider).promote(EnvFixture.request("web", "1.1.0", "qa", Duration.ofSeconds(30)));

    assertThat(r.status()).as(r.message()).isEqualTo(Status.Succeeded);
    assertThat(provider.pullRequests(qa)).hasSize(1);
    assertThat(provider.pullRequests(qa).get(0).merged()).isTrue();
  }
}
