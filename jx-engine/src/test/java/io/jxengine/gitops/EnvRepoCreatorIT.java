package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe env create}: from the template into a new bare repository, or through the provider. */
class EnvRepoCreatorIT {
  @TempDir Path tmp;
  EnvFixture fx;
  EnvRepoCreator creator;

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
    creator = new EnvRepoCreator(fx.environments, EnvFixture.TEMPLATE, tmp.resolve("work"), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  static EnvRepoCreator.Request request(String name, String repo, ProviderKind kind) {
    return new EnvRepoCreator.Request(name, PromotionStrategy.Manual, "jx-" + name, "", repo, kind,
        kind == ProviderKind.GIT ? null : "acme", kind == ProviderKind.GIT ? null : "env-" + name,
        kind == ProviderKind.GIT ? null : "http://api", null, "main");
  }

  @Test
  void aNewPathBecomesABareRepositoryHoldingTheFilledInTemplate() throws Exception {
    Environment env = creator.create(request("production", tmp.resolve("prod.git").toString(), ProviderKind.GIT), null, null);

    assertThat(fx.environments.environment("production")).contains(env);
    assertThat(fx.onMain(env, "env.yaml")).contains("name: production", "namespace: jx-production", "strategy: Manual");
    assertThat(fx.onMain(env, ".jx/pipeline.yaml")).contains("jxe env validate", "jxe env apply");
    try (Git bare = Git.open(tmp.resolve("prod.git").toFile())) {
      assertThat(bare.getRepository().isBare()).isTrue();
    }
    Path clone = tmp.resolve("check");
    Git.cloneRepository().setURI(env.repoUrl()).setDirectory(clone.toFile()).call().close();
    assertThat(EnvRepoReader.read(clone).diagnostics()).isEmpty();
  }

  @Test
  void refusesAnExistingRepositoryAnExistingNameAndBadNames() throws Exception {
    Files.createDirectories(tmp.resolve("used.git").resolve("objects"));
    assertThatThrownBy(() -> creator.create(request("qa", tmp.resolve("used.git").toString(), ProviderKind.GIT), null, null))
        .isInstanceOf(PromotionException.class).hasMessageContaining("not empty");
    creator.create(request("qa", tmp.resolve("qa.git").toString(), ProviderKind.GIT), null, null);
    assertThatThrownBy(() -> creator.create(request("qa", tmp.resolve("qa2.git").toString(), ProviderKind.GIT), null, null))
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> creator.create(request("Q_A", tmp.resolve("q.git").toString(), ProviderKind.GIT), null, null))
        .hasMessageContaining("DNS label");
    assertThat(fx.environments.environments()).extracting(Environment::name).containsExactly("qa");
  }

  @Test
  void onAProviderTheRepositoryIsCreatedThroughItsApiFirst() throws Exception {
    Path bare = tmp.resolve("hosted.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    FakeGitProvider provider = new FakeGitProvider();
    RepoRef ref = new RepoRef(ProviderKind.GITHUB, "acme", "env-staging");
    provider.cloneUrl(ref, bare.toString());

    Environment env = creator.create(request("staging", "https://github.com/acme/env-staging.git", ProviderKind.GITHUB), provider, null);

    assertThat(provider.createdRepositories()).containsExactly("acme/env-staging");
    assertThat(env.repoUrl()).isEqualTo(bare.toString());
    assertThat(env.repoRef()).isEqualTo(ref);
    assertThat(fx.onMain(env, "env.yaml")).contains("name: staging");
  }
}
