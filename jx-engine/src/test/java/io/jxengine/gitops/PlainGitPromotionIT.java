package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotions into plain git environment repositories (local bare repositories, real JGit). */
class PlainGitPromotionIT {
  @TempDir Path tmp;
  EnvFixture fx;

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void autoChangesOnlyTheVersionLineAndMergesInOneCommit() {
    Environment staging = fx.environment("staging", PromotionStrategy.Auto);
    int before = fx.commitsOnMain(staging);

    PromotionResult r = fx.promoter(null).promote(EnvFixture.request("web", "v1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).isEqualTo(Status.Succeeded);
    assertThat(fx.onMain(staging, "apps/web.yaml"))
        .isEqualTo(EnvFixture.WEB_APP.replace("version: 0.1.0", "version: 1.2.0"));
    assertThat(fx.commitsOnMain(staging)).isEqualTo(before + 1);
    Activity a = fx.activity(r);
    assertThat(a.status()).isEqualTo(Status.Succeeded);
    StepRecord step = a.steps().get(0);
    assertThat(step.kind()).isEqualTo(StepKind.Promote);
    assertThat(step.name()).isEqualTo("staging");
    assertThat(step.status()).isEqualTo(Status.Succeeded);
  }

  @Test
  void reRunningAMergedPromotionChangesNothing() {
    Environment staging = fx.environment("staging", PromotionStrategy.Auto);
    Promoter promoter = fx.promoter(null);
    promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));
    int after = fx.commitsOnMain(staging);

    PromotionResult again = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(again.status()).isEqualTo(Status.NotExecuted);
    assertThat(fx.commitsOnMain(staging)).isEqualTo(after);
  }

  @Test
  void aBrokenManifestFailsTheCheckAndNothingIsMerged() {
    Environment staging = fx.environment("staging", PromotionStrategy.Auto);
    fx.commit(staging, Map.of("apps/api.yaml", "manifests: true\nversion: 1.0.0\n",
        "apps/api/manifests/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {}\n"),
        "add api with a manifest lacking its name");
    int before = fx.commitsOnMain(staging);

    PromotionResult r = fx.promoter(null).promote(EnvFixture.request("web", "1.3.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).isEqualTo(Status.Failed);
    assertThat(r.message()).contains("checks failed").contains("apps/api/manifests/deploy.yaml:1:1").contains("JX803");
    assertThat(fx.commitsOnMain(staging)).isEqualTo(before);
    assertThat(fx.onMain(staging, "apps/web.yaml")).contains("version: 0.1.0");
  }

  @Test
  void manualWaitsForApprovalVisiblyThenMerges() throws Exception {
    Environment production = fx.environment("production", PromotionStrategy.Manual);
    Promoter promoter = fx.promoter(null);
    CompletableFuture<PromotionResult> running = CompletableFuture.supplyAsync(() ->
        promoter.promote(EnvFixture.request("web", "2.0.0", "production", Duration.ofSeconds(60))));

    org.awaitility.Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() ->
        fx.activities.list(io.jxengine.activity.ActivityFilter.all()).stream()
            .anyMatch(a -> a.status() == Status.WaitingForApproval
                && a.steps().get(0).message().startsWith("waiting for approval")));
    assertThat(fx.onMain(production, "apps/web.yaml")).contains("version: 0.1.0");

    fx.environments.approve("production", "web", "2.0.0", "alice");
    PromotionResult r = running.get(60, TimeUnit.SECONDS);

    assertThat(r.status()).isEqualTo(Status.Succeeded);
    assertThat(fx.onMain(production, "apps/web.yaml")).contains("version: 2.0.0");
  }

  @Test
  void aManualPromotionNobodyApprovesTimesOutSayingWhy() {
    Environment production = fx.environment("production", PromotionStrategy.Manual);

    PromotionResult r = fx.promoter(null).promote(EnvFixture.request("web", "2.0.0", "production", Duration.ofMillis(300)));

    assertThat(r.status()).as(r.message()).isEqualTo(Status.TimedOut);
    assertThat(r.message()).contains("waiting for approval");
    assertThat(fx.activity(r).steps().get(0).status()).isEqualTo(Status.TimedOut);
    assertThat(fx.onMain(production, "apps/web.yaml")).contains("version: 0.1.0");
  }

  @Test
  void neverSkipsWithAMessage() {
    fx.environment("frozen", PromotionStrategy.Never);

    PromotionResult r = fx.promoter(null).promote(EnvFixture.request("web", "2.0.0", "frozen", Duration.ofSeconds(5)));

    assertThat(r.status()).isEqualTo(Status.NotExecuted);
    assertThat(r.message()).contains("Never");
  }

  @Test
  void racingPromotionsOfTwoApplicationsBothLand() throws Exception {
    Environment staging = fx.environment("staging", PromotionStrategy.Auto);
    fx.commit(staging, Map.of("apps/api.yaml", "chart: api\nversion: 0.1.0\n"), "add api");
    Promoter promoter = fx.promoter(null);
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<PromotionResult>> both = List.of("web", "api").stream()
        .map(app -> CompletableFuture.supplyAsync(() -> {
          await(start);
          return promoter.promote(EnvFixture.request(app, "1.5.0", "staging", Duration.ofSeconds(60)));
        })).toList();

    for (CompletableFuture<PromotionResult> f : both) {
      PromotionResult r = f.get(120, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.message()).isEqualTo(Status.Succeeded);
    }
    assertThat(fx.onMain(staging, "apps/web.yaml")).contains("version: 1.5.0");
    assertThat(fx.onMain(staging, "apps/api.yaml")).contains("version: 1.5.0");
  }

  @Test
  void badRequestsAreRefusedOrFailWithTheirReason() {
    Environment staging = fx.environment("staging", PromotionStrategy.Auto);
    Promoter promoter = fx.promoter(null);

    assertThatThrownBy(() -> promoter.promote(EnvFixture.request("web", "1.2", "staging", Duration.ofSeconds(5))))
        .isInstanceOf(PromotionException.class).hasMessageContaining("JX801");
    assertThatThrownBy(() -> promoter.promote(EnvFixture.request("web", "1.2.0", "qa", Duration.ofSeconds(5))))
        .isInstanceOf(PromotionException.class).hasMessageContaining("unknown environment qa");
    PromotionResult unknownApp = promoter.promote(EnvFixture.request("nope", "1.2.0", "staging", Duration.ofSeconds(5)));
    assertThat(unknownApp.status()).isEqualTo(Status.Failed);
    assertThat(unknownApp.message()).contains("unknown application nope");
    assertThat(fx.onMain(staging, "apps/web.yaml")).contains("version: 0.1.0");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
