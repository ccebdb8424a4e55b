package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityTableTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private static Activity activity() {
    List<StepRecord> steps = List.of(
        new StepRecord(10, 1, null, StepKind.Stage, "build", 0, Status.Succeeded, T0,
            T0.plusSeconds(5), null, 0, ""),
        new StepRecord(11, 1, 10L, StepKind.Step, "compile", 0, Status.Failed, T0,
            T0.plusSeconds(4), 2, 3, "exit code 2"));
    return new Activity(1, "acme", "app", "main", 7, "release", Status.Failed, T0,
        T0.plusSeconds(6), "", "abcdef1234567890", "msg", "me", null, null, null, "1.2.3",
        "native", "push", null, "build/compile: exit code 2", steps);
  }

  @Test
  void showsTheBuildThenItsStagesThenTheirSteps() {
    List<String> rows = new ActivityTable(false, T0.plusSeconds(60)).rows(activity());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).startsWith("acme/app/main #7").contains("1m0s", "6.0s", "Failed",
        "Version: 1.2.3");
    assertThat(rows.get(1)).startsWith("  Stage build").contains("Succeeded");
    assertThat(rows.get(2)).startsWith("    compile").contains("Failed");
  }

  @Test
  void anImportedBuildShowsItsLinkBack() {
    Activity a = activity();
    Activity imported = new Activity(2, "ci", "team/app", "default", 41, "app",
        Status.Succeeded, T0, T0.plusSeconds(6), null, null, null, null, null, null, null, null,
        "jenkins", "manual", "https://jenkins.example.com/job/team/job/app/41/", "",
        a.steps());
    assertThat(new ActivityTable(false, T0).rows(imported).get(0))
        .startsWith("ci/team/app/default #41")
        .endsWith("https://jenkins.example.com/job/team/job/app/41/");
    assertThat(new ActivityTable(true, T0).rows(imported).get(0))
        .contains("source=jenkins", "url=https://jenkins.example.com/job/team/job/app/41/");
  }

  @Test
  void wideAddsContextCommitAndStepDetails() {
    List<String> rows = new ActivityTable(true, T0.plusSeconds(60)).rows(activity());
    assertThat(rows.get(0)).contains("context=release", "commit=abcdef123456", "event=push");
    assertThat(rows.get(2)).contains("exit=2", "attempts=3", "exit code 2");
  }

  @Test
  void wideShowsTestTotalsOfActivitiesThatRecordedThem() {
    var totals = java.util.Map.of(1L, new io.jxengine.testreport.TestTotals(2, 120, 2, 1, 3, 9000));
    assertThat(new ActivityTable(true, T0, totals).rows(activity()).get(0))
        .contains("tests=120 failed=3 skipped=3");
    assertThat(new ActivityTable(true, T0).rows(activity()).get(0)).doesNotContain("tests=");
  }
}
