package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.GitProviderException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.gitlab4j.api.GitLabApiException;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

class ProviderErrorsTest {
  static final String TOKEN = "tok-123";

  @Test
  void gitHubStatusesComeFromTheExceptionType() {
    assertThat(gitHub(new GHFileNotFoundException("/repos/a/b")).status()).isEqualTo(404);
    assertThat(gitHub(new HttpException("{}", 422, "Unprocessable", "u")).status()).isEqualTo(422);
    assertThat(gitHub(new HttpException("{}", -1, null, "u")).status()).isZero();
    assertThat(gitHub(new HttpTimeoutException("request timed out")).status()).isZero();
    assertThat(gitHub(new IOException("connection reset")).status()).isZero();
  }

  @Test
  void gitLabStatusComesFromTheException() {
    GitProviderException e =
        ProviderErrors.gitLab(
            "merge", "project a/b", new GitLabApiException("conflict", 409), TOKEN);

    assertThat(e.status()).isEqualTo(409);
    assertThat(e.getMessage()).contains("merge", "a/b");
  }

  @Test
  void messagesNeverCarryTheToken() {
    GitProviderException e = gitHub(new IOException("bad header Authorization: token " + TOKEN));

    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("****");
  }

  private static GitProviderException gitHub(IOException e) {
    return ProviderErrors.gitHub("getPullRequest", "repository a/b", e, TOKEN);
  }
}
