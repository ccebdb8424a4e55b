package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import org.junit.jupiter.api.Test;

class GitProvidersTest {
  @Test
  void makesTheClientForEachHostedKind() {
    assertThat(GitProviders.create(ProviderKind.GITHUB, "http://127.0.0.1:9", "t"))
        .isInstanceOf(GitHubProvider.class)
        .extracting(p -> p.kind())
        .isEqualTo(ProviderKind.GITHUB);
    assertThat(GitProviders.create(ProviderKind.GITLAB, "http://127.0.0.1:9", "t"))
        .isInstanceOf(GitLabProvider.class)
        .extracting(p -> p.kind())
        .isEqualTo(ProviderKind.GITLAB);
  }

  @Test
  void plainGitHasNoApi() {
    assertThatThrownBy(() -> GitProviders.create(ProviderKind.GIT, "http://127.0.0.1:9", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GIT");
  }

  @Test
  void giteaHasItsOwnClient() {
    assertThat(GitProviders.create(ProviderKind.GITEA, "http://127.0.0.1:9", "t"))
        .isInstanceOf(GiteaProvider.class);
  }
}
