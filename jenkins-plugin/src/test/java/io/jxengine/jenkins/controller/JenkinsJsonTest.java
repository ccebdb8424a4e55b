package io.jxengine.jenkins.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.activity.Status;
import io.jxengine.jenkins.controller.JenkinsModel.Build;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recorded Jenkins answers read into values, and Jenkins' words in the engine's. */
class JenkinsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aBuildCarriesItsCauseCommitBranchAndTimes() throws Exception {
    Build b = JenkinsJson.build(JSON.readTree(JenkinsFixtures.read("hello-1.json")));

    assertThat(b.number()).isEqualTo(1);
    assertThat(b.building()).isFalse();
    assertThat(b.causeUser()).isEqualTo("alice");
    assertThat(b.branch()).isEqualTo("main");
    assertThat(b.commitSha()).startsWith("4b825dc");
    assertThat(b.started()).isEqualTo(Instant.ofEpochMilli(1764489600000L));
    assertThat(b.completed()).isEqualTo(Instant.ofEpochMilli(1764489612500L));
    assertThat(JenkinsStatuses.of(b)).isEqualTo(Status.Succeeded);
    assertThat(JenkinsStatuses.message(b)).isEmpty();
  }

  @Test
  void aRunningBuildHasNoEndAndNoResult() throws Exception {
    Build b = JenkinsJson.build(JSON.readTree(JenkinsFixtures.read("app-7-running.json")));

    assertThat(b.completed()).isNull();
    assertThat(JenkinsStatuses.of(b)).isEqualTo(Status.Running);
    assertThat(JenkinsStatuses.event(b.causeClass())).isEqualTo("push");
  }

  @Test
  void resultsAndStageStatusesMap() {
    assertThat(JenkinsStatuses.ofStage("PAUSED_PENDING_INPUT"))
        .isEqualTo(Status.WaitingForApproval);
    assertThat(JenkinsStatuses.ofStage("NOT_EXECUTED")).isEqualTo(Status.NotExecuted);
    assertThat(JenkinsStatuses.ofStage("ABORTED")).isEqualTo(Status.Aborted);
    assertThat(JenkinsStatuses.of(build("ABORTED"))).isEqualTo(Status.Aborted);
    assertThat(JenkinsStatuses.of(build("NOT_BUILT"))).isEqualTo(Status.NotExecuted);
    assertThat(JenkinsStatuses.of(build("UNSTABLE"))).isEqualTo(Status.Failed);
    assertThat(JenkinsJson.shortBranch("origin/feature/x")).isEqualTo("feature/x");
  }

  @Test
  void jobPathsEncodeEachFolderAndRefuseEscapes() {
    assertThat(JobPath.of("team/my app")).isEqualTo("job/team/job/my%20app/");
    assertThat(JobPath.build("a/b", 3)).isEqualTo("job/a/job/b/3/");
    for (String bad : new String[] {"", "a/../b", "..", "a//b", "./a", "a/"}) {
      assertThatThrownBy(() -> JobPath.of(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static Build build(String result) {
    return new Build(1, false, result, Instant.EPOCH, 0, "#1", null, null, null, null, null);
  }
}
