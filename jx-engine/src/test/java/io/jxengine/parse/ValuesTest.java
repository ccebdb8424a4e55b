package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durations, cron schedules, globs, dirs and suggestions. */
class ValuesTest {
  @Test
  void goDurations() {
    assertThat(GoDuration.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(GoDuration.parse("1.5h")).contains(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("0s")).contains(Duration.ZERO);
    for (String bad : List.of("", "10", "m", "-5m", "5 m", "1d", "10m ", "9999999h")) {
      assertThat(GoDuration.parse(bad)).as(bad).isEmpty();
    }
    assertThat(GoDuration.format(Duration.ofSeconds(5400))).isEqualTo("1h30m");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    for (String s : List.of("1h", "10m", "1h0m1s", "250ms", "3ns")) {
      Duration d = GoDuration.parse(s).orElseThrow();
      assertThat(GoDuration.parse(GoDuration.format(d))).contains(d);
    }
  }

  @Test
  void cronSchedules() {
    for (String ok : List.of("0 3 * * *", "*/15 * * * *", "0 0-6,22-23 1,15 jan-mar mon-fri", "0 0 * * 7", "@daily", "5/10 * * * SUN")) {
      assertThat(CronSchedule.problem(ok)).as(ok).isEmpty();
    }
    for (String bad : List.of("", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
        "* * * * 8", "*/0 * * * *", "5-1 * * * *", "a * * * *", "1-2-3 * * * *", "@often")) {
      assertThat(CronSchedule.problem(bad)).as(bad).isPresent();
    }
  }

  @Test
  void globsAndDirs() {
    assertThat(ValueChecks.globProblem("src/**/*.java")).isEmpty();
    assertThat(ValueChecks.globProblem("release/*")).isEmpty();
    assertThat(ValueChecks.globProblem("[main")).isPresent();
    assertThat(ValueChecks.globProblem("")).isPresent();
    assertThat(ValueChecks.dirProblem("service/api")).isEmpty();
    assertThat(ValueChecks.dirProblem("a/..b")).isEmpty();
    assertThat(ValueChecks.dirProblem("/abs")).isPresent();
    assertThat(ValueChecks.dirProblem("C:\\x")).isPresent();
    assertThat(ValueChecks.dirProblem("a/../..")).isPresent();
  }

  @Test
  void suggestions() {
    assertThat(Suggest.closest("stpes", Keys.STAGE)).contains("steps");
    assertThat(Suggest.closest("imgae", Keys.STEP)).contains("image");
    assertThat(Suggest.closest("colour", Keys.STEP)).isEmpty();
    assertThat(Suggest.hint("zzz", List.of("a", "b"))).contains("a, b");
    assertThat(Suggest.distance("abc", "acb")).isEqualTo(1);
  }
}
