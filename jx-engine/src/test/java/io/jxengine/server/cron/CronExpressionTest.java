package io.jxengine.server.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
  private static ZonedDateTime utc(String t) {
    return ZonedDateTime.parse(t + "Z").withZoneSameInstant(ZoneOffset.UTC);
  }

  private static List<String> firings(String schedule, String after, int n) {
    CronExpression e = CronExpression.parse(schedule).orElseThrow();
    List<String> out = new ArrayList<>();
    ZonedDateTime t = utc(after);
    for (int i = 0; i < n; i++) {
      t = e.next(t).orElseThrow();
      out.add(t.toLocalDateTime().toString());
    }
    return out;
  }

  @ParameterizedTest(name = "{0} after {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/15 * * * *     | 2026-11-30T10:07:00 | 2026-11-30T10:15",
        "*/15 * * * *     | 2026-11-30T10:15:00 | 2026-11-30T10:30",
        "*/15 * * * *     | 2026-11-30T10:14:59 | 2026-11-30T10:15",
        "0 3 * * *        | 2026-11-30T03:00:00 | 2026-12-01T03:00",
        "0 3 * * *        | 2026-12-31T23:59:00 | 2027-01-01T03:00",
        "0 0 29 2 *       | 2026-03-01T00:00:00 | 2028-02-29T00:00",
        "0 12 * * 7       | 2026-11-30T00:00:00 | 2026-12-06T12:00",
        "0 12 * * 0       | 2026-11-30T00:00:00 | 2026-12-06T12:00",
        "0 12 * * sun     | 2026-11-30T00:00:00 | 2026-12-06T12:00",
        "30 9 * jan-mar mon-fri | 2026-11-30T00:00:00 | 2027-01-01T09:30",
        "0 0 1 */3 *      | 2026-11-30T00:00:00 | 2027-01-01T00:00",
        "59 23 31 * *     | 2026-11-30T00:00:00 | 2026-12-31T23:59",
        "@hourly          | 2026-11-30T10:07:00 | 2026-11-30T11:00",
        "@daily           | 2026-11-30T10:07:00 | 2026-12-01T00:00",
        "@weekly          | 2026-11-30T10:07:00 | 2026-12-06T00:00",
        "@monthly         | 2026-11-30T10:07:00 | 2026-12-01T00:00",
        "@yearly          | 2026-11-30T10:07:00 | 2027-01-01T00:00",
        "0 0 */2 * mon    | 2026-11-30T00:00:00 | 2026-12-07T00:00",
      })
  void nextFiring(String schedule, String after, String expected) {
    assertThat(firings(schedule.trim(), after.trim(), 1)).containsExactly(expected.trim());
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEither() {
    // Vixie cron: the 13th of any month, and every Friday.
    assertThat(firings("0 0 13 * fri", "2026-11-30T00:00:00", 4))
        .containsExactly(
            "2026-12-04T00:00", "2026-12-11T00:00", "2026-12-13T00:00", "2026-12-18T00:00");
  }

  @Test
  void listsRangesAndSteps() {
    assertThat(firings("0,30 8-9 * * *", "2026-11-30T00:00:00", 5))
        .containsExactly(
            "2026-11-30T08:00", "2026-11-30T08:30", "2026-11-30T09:00", "2026-11-30T09:30",
            "2026-12-01T08:00");
    assertThat(firings("5/20 * * * *", "2026-11-30T10:00:00", 4))
        .containsExactly(
            "2026-11-30T10:05", "2026-11-30T10:25", "2026-11-30T10:45", "2026-11-30T11:05");
    assertThat(firings("10-20/5 1 * * *", "2026-11-30T00:00:00", 4))
        .containsExactly(
            "2026-11-30T01:10", "2026-11-30T01:15", "2026-11-30T01:20", "2026-12-01T01:10");
    assertThat(firings("0 0 * * 5-7", "2026-11-30T00:00:00", 4))
        .as("fri, sat, sun (7)")
        .containsExactly(
            "2026-12-04T00:00", "2026-12-05T00:00", "2026-12-06T00:00", "2026-12-11T00:00");
  }

  @Test
  void aScheduleThatNeverFiresHasNoNext() {
    assertThat(CronExpression.parse("0 0 30 2 *").orElseThrow().next(utc("2026-01-01T00:00:00")))
        .isEmpty();
  }

  @Test
  void matchesAndZones() {
    CronExpression e = CronExpression.parse("0 3 * * *").orElseThrow();
    assertThat(e.matches(utc("2026-11-30T03:00:00"))).isTrue();
    assertThat(e.matches(utc("2026-11-30T03:00:59"))).isTrue();
    assertThat(e.matches(utc("2026-11-30T03:01:00"))).isFalse();
    ZonedDateTime paris = ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, ZoneId.of("Europe/Paris"));
    assertThat(e.next(paris).orElseThrow().toLocalDateTime().toString()).isEqualTo("2026-11-30T03:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "* * * *", "60 * * * *", "* * * * * *", "*/0 * * * *", "5-1 * * * *", "@often"})
  void invalidSchedulesDoNotParse(String schedule) {
    assertThat(CronExpression.parse(schedule)).isEmpty();
  }
}
