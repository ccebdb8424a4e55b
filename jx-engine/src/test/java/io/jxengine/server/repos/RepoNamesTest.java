package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoNamesTest {
  @ParameterizedTest
  @CsvSource({"acme,app", "acme,my-app.v2", "group/sub,r_1", "A.b-C,x"})
  void validNames(String owner, String name) {
    assertThat(RepoNames.problem(owner, name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "..,app", "acme,..", "acme,.", "a/../b,r", "acme,a b", "acme,$(touch pwned)", "acme,a;b",
        "'',app", "acme,''", "/acme,app", "acme/,app", "acme,a/b", "ac\tme,app", "acme,ü"
      })
  void invalidNames(String owner, String name) {
    assertThat(RepoNames.problem(owner, name)).isPresent();
  }

  @Test
  void tooLong() {
    assertThat(RepoNames.problem("a", "b".repeat(300))).isPresent();
  }

  @Test
  void splitsAtTheLastSlash() {
    assertThat(RepoNames.split("group/sub/repo")).hasValueSatisfying(p -> {
      assertThat(p[0]).isEqualTo("group/sub");
      assertThat(p[1]).isEqualTo("repo");
    });
    assertThat(RepoNames.split("noslash")).isEmpty();
    assertThat(RepoNames.split("/repo")).isEmpty();
    assertThat(RepoNames.split("owner/")).isEmpty();
    assertThat(RepoNames.split(null)).isEmpty();
  }
}
