package io.jxengine.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryViewTest {
  @Test
  void cloneUrlsLoseTheirCredentials() {
    assertThat(RepositoryView.withoutCredentials("https://bot:ghp_x@github.com/a/b.git"))
        .isEqualTo("https://github.com/a/b.git");
    assertThat(RepositoryView.withoutCredentials("https://oauth2@gitlab.com/a/b.git"))
        .isEqualTo("https://gitlab.com/a/b.git");
    assertThat(RepositoryView.withoutCredentials("https://github.com/a/b.git"))
        .isEqualTo("https://github.com/a/b.git");
    assertThat(RepositoryView.withoutCredentials("git@github.com:a/b.git"))
        .isEqualTo("git@github.com:a/b.git");
    assertThat(RepositoryView.withoutCredentials("/srv/git/b.git")).isEqualTo("/srv/git/b.git");
    assertThat(RepositoryView.withoutCredentials(null)).isNull();
  }
}
