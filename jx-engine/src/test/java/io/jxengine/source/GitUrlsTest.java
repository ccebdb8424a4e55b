package io.jxengine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitUrlsTest {
  @ParameterizedTest
  @CsvSource({
    "https://github.com/jenkins-x/jx.git, jenkins-x, jx",
    "https://github.com/jenkins-x/jx, jenkins-x, jx",
    "https://github.com/jenkins-x/jx/, jenkins-x, jx",
    "http://user:pw@git.example.com:8080/acme/widget.git, acme, widget",
    "git@github.com:acme/widget.git, acme, widget",
    "github.com:acme/widget, acme, widget",
    "ssh://git@github.com:22/acme/widget.git, acme, widget",
    "ssh://git@gitlab.com/group/sub/widget.git, group/sub, widget",
    "https://gitlab.com/group/sub/widget, group/sub, widget",
    "file:///srv/git/acme/widget.git, acme, widget",
    "/srv/git/acme/widget, acme, widget",
    "../acme/widget.git, acme, widget",
    "widget.git, local, widget",
  })
  void ownerAndRepoFromEveryRemoteForm(String url, String owner, String repo) {
    assertThat(GitUrls.parse(url)).isEqualTo(new GitUrls.OwnerRepo(owner, repo));
  }

  @ParameterizedTest
  @CsvSource({"''", "'   '", "https://github.com", "https://github.com/"})
  void urlsWithoutARepositoryGiveNull(String url) {
    assertThat(GitUrls.parse(url)).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "https://github.com/acme/widget.git, https://github.com/acme/widget",
    "https://x-access-token:t0k@github.com/acme/widget/, https://github.com/acme/widget",
    "http://gitea.local:3000/acme/widget.git, http://gitea.local:3000/acme/widget",
    "git@github.com:acme/widget.git, https://github.com/acme/widget",
    "ssh://git@gitlab.example.com:2222/group/sub/widget.git, https://gitlab.example.com/group/sub/widget",
  })
  void webPageOfRemotes(String url, String web) {
    assertThat(GitUrls.webUrl(url)).isEqualTo(web);
  }

  @ParameterizedTest
  @CsvSource({"''", "/srv/git/acme/widget.git", "file:///srv/git/widget.git", "https://github.com/"})
  void localRemotesHaveNoWebPage(String url) {
    assertThat(GitUrls.webUrl(url)).isNull();
  }
}
