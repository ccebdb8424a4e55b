package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.ProviderKind;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportTargetTest {
  private static final Path CWD = Path.of("/work/here");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "https://github.com/acme/app.git | github.com | GITHUB | https://api.github.com",
        "git@github.com:acme/app.git | github.com | GITHUB | https://api.github.com",
        "ssh://git@github.example.com:22/acme/app | github.example.com | GITHUB | https://github.example.com/api/v3",
        "https://gitlab.com/group/sub/app | gitlab.com | GITLAB | https://gitlab.com/api/v4",
        "https://user:pw@GitLab.Example.org/g/app.git | gitlab.example.org | GITLAB | https://gitlab.example.org/api/v4",
        "https://codeberg.org/acme/app.git | codeberg.org | GITEA | https://codeberg.org/api/v1",
        "https://git.example.org/acme/app.git | git.example.org | GIT | ''",
      },
      delimiter = '|')
  void remotes(String url, String host, ProviderKind provider, String api) {
    ImportTarget t = ImportTarget.of(url, CWD);
    assertThat(t.isLocal()).isFalse();
    assertThat(t.host()).isEqualTo(host);
    assertThat(t.guessProvider()).isEqualTo(provider);
    assertThat(t.defaultApiUrl(provider)).isEqualTo(api.isEmpty() ? null : api);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "/srv/git/app.git | /srv/git/app.git",
        "repos/app.git | /work/here/repos/app.git",
        "../app | /work/app",
        "file:///srv/git/app.git | /srv/git/app.git",
      },
      delimiter = '|')
  void localPaths(String target, String path) {
    ImportTarget t = ImportTarget.of(target, CWD);
    assertThat(t.isLocal()).isTrue();
    assertThat(t.localPath()).isEqualTo(Path.of(path));
    assertThat(t.guessProvider()).isEqualTo(ProviderKind.GIT);
    assertThat(t.defaultApiUrl(ProviderKind.GIT)).isNull();
  }
}
