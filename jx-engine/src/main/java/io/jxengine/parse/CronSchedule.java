package io.jxengine.parse;

import io.jxengine.diag.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks five-field cron schedules as Kubernetes CronJobs and Lighthouse read them: each field is
 * a comma list of {@code *}, {@code *}/n, {@code a}, {@code a-b}, {@code a-b/n}; months and days of
 * the week may be names ({@code jan}, {@code mon}); {@code @daily} and friends are accepted.
 */
public final class CronSchedule {
  private record Field(String name, int min, int max, List<String> names) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, List.of()),
          new Field("hour", 0, 23, List.of()),
          new Field("day-of-month", 1, 31, List.of()),
          new Field(
              "month",
              1,
              12,
              List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
          new Field("day-of-week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat")));
  private static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private CronSchedule() {}

  /** Why {@code schedule} is invalid, or empty when it is valid. */
  public static Optional<String> problem(String schedule) {
    String s = schedule.trim();
    if (MACROS.contains(s.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String[] parts = s.isEmpty() ? new String[0] : s.split("\\s+");
    if (parts.length != FIELDS.size()) {
      return Optional.of(Texts.get("reason.cron.fields", parts.length));
    }
    for (int i = 0; i < parts.length; i++) {
      Optional<String> p = checkField(parts[i], FIELDS.get(i));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkField(String text, Field f) {
    for (String item : text.split(",", -1)) {
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        Integer step = number(item.substring(slash + 1), List.of());
        if (step == null || step < 1) {
          return syntax(item, f);
        }
      }
      if (range.equals("*")) {
        continue;
      }
      String[] ends = range.split("-", -1);
      if (ends.length > 2) {
        return syntax(item, f);
      }
      Integer lo = number(ends[0], f.names());
      Integer hi = ends.length == 2 ? number(ends[1], f.names()) : lo;
      if (lo == null || hi == null) {
        return syntax(item, f);
      }
      for (int v : new int[] {lo, hi}) {
        if (v < f.min() || v > f.max()) {
          return Optional.of(Texts.get("reason.cron.range", item, f.min(), f.max(), f.name()));
        }
      }
      if (lo > hi) {
        return syntax(item, f);
      }
    }
    return Optional.empty();
  }

  private static Integer number(String text, List<String> names) {
    int named = names.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      // months count from 1, days of the week from 0 (sunday)
      return names.size() == 12 ? named + 1 : named;
    }
    if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.valueOf(text);
  }

  private static Optional<String> syntax(String item, Field f) {
    return Optional.of(Texts.get("reason.cron.syntax", item, f.name()));
  }
}
