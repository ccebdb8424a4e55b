package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.CommitStatus.State;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
  @Test
  void gitHubHasAllFourStates() {
    assertThat(StatusMapping.gitHubState(State.PENDING)).isEqualTo("pending");
    assertThat(StatusMapping.gitHubState(State.SUCCESS)).isEqualTo("success");
    assertThat(StatusMapping.gitHubState(State.FAILURE)).isEqualTo("failure");
    assertThat(StatusMapping.gitHubState(State.ERROR)).isEqualTo("error");
  }

  @Test
  void gitLabShowsErrorsAsFailedAndSaysSo() {
    assertThat(StatusMapping.gitLabState(State.PENDING)).isEqualTo("pending");
    assertThat(StatusMapping.gitLabState(State.SUCCESS)).isEqualTo("success");
    assertThat(StatusMapping.gitLabState(State.FAILURE)).isEqualTo("failed");
    assertThat(StatusMapping.gitLabState(State.ERROR)).isEqualTo("failed");
    assertThat(StatusMapping.gitLabDescription(State.ERROR, "boom")).isEqualTo("error: boom");
    assertThat(StatusMapping.gitLabDescription(State.ERROR, null)).isEqualTo("error");
    assertThat(StatusMapping.gitLabDescription(State.FAILURE, "2 tests failed"))
        .isEqualTo("2 tests failed");
  }

  @Test
  void gitHubDescriptionsAreCutTo140Characters() {
    assertThat(StatusMapping.gitHubDescription("x".repeat(140))).hasSize(140).doesNotEndWith("…");
    assertThat(StatusMapping.gitHubDescription("x".repeat(141))).hasSize(140).endsWith("…");
    assertThat(StatusMapping.gitHubDescription(null)).isNull();
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String text = "x".repeat(8) + "😀" + "tail";

    String cut = StatusMapping.truncate(text, 10);

    assertThat(cut).isEqualTo("x".repeat(8) + "…");
  }
}
