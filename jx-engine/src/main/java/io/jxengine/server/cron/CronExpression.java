package io.jxengine.server.cron;

import io.jxengine.parse.CronSchedule;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron schedule that can say when it fires next, with Vixie cron's rules (as
 * Kubernetes CronJobs and Lighthouse use them): {@code *}, {@code a}, {@code a-b}, steps
 * {@code *}/n, {@code a-b/n} and {@code a/n} (a to the end), comma lists, month and weekday
 * names, 0 and 7 both Sunday, and the {@code @daily}-style macros. When day of month and day of
 * week are both restricted (neither starts with {@code *}), a day matches if either does.
 *
 * <p>Immutable and thread-safe. Syntax is what {@link CronSchedule#problem} accepts; the parser
 * reports invalid schedules (JX109), so {@link #parse} only says "invalid" with an empty result.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  /** Long enough for any valid schedule to fire (Feb 29 on a given weekday recurs within 28 years). */
  private static final int SEARCH_YEARS = 30;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domStar;
  private final boolean dowStar;

  private CronExpression(String text, String[] f) {
    this.text = text;
    minutes = field(f[0], 0, 59, List.of());
    hours = field(f[1], 0, 23, List.of());
    daysOfMonth = field(f[2], 1, 31, List.of());
    months = field(f[3], 1, 12, MONTHS);
    BitSet dow = field(f[4], 0, 7, DAYS);
    if (dow.get(7)) {
      dow.set(0);
    }
    daysOfWeek = dow;
    domStar = f[2].startsWith("*");
    dowStar = f[4].startsWith("*");
  }

  /** The expression, or empty when {@code schedule} is not a valid five-field schedule. */
  public static Optional<CronExpression> parse(String schedule) {
    if (schedule == null || CronSchedule.problem(schedule).isPresent()) {
      return Optional.empty();
    }
    String s = schedule.trim();
    String expanded = MACROS.getOrDefault(s.toLowerCase(Locale.ROOT), s);
    return Optional.of(new CronExpression(s, expanded.split("\\s+")));
  }

  /** True when the schedule fires in the minute of {@code t}. */
  public boolean matches(ZonedDateTime t) {
    return minutes.get(t.getMinute())
        && hours.get(t.getHour())
        && months.get(t.getMonthValue())
        && dayMatches(t);
  }

  /**
   * The first minute strictly after {@code after} (in its zone) at which the schedule fires, or
   * empty when it never does (such as {@code 0 0 30 2 *}).
   */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(SEARCH_YEARS);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (domStar || dowStar) {
      return dom && dow;
    }
    return dom || dow;
  }

  private static BitSet field(String text, int min, int max, List<String> names) {
    BitSet bits = new BitSet(max + 1);
    for (String item : text.split(",")) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = Integer.parseInt(item.substring(slash + 1));
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else {
        String[] ends = range.split("-");
        lo = value(ends[0], names);
        hi = ends.length == 2 ? value(ends[1], names) : slash >= 0 ? max : lo;
      }
      for (int v = lo; v <= hi; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names) {
    int named = names.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return names.size() == 12 ? named + 1 : named;
    }
    return Integer.parseInt(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
