package io.jxengine.server.cron;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The delivery id of a cron firing, {@code cron:<repoId>:<pipeline>:<yyyyMMddHHmm>} (the minute
 * in UTC). It is how a cron event differs from a push: the trigger planner recognises the
 * {@code cron:} prefix and runs only the named pipeline, whatever its push filters say. Pure.
 *
 * @param minute the scheduled minute (UTC, {@code yyyyMMddHHmm})
 */
public record CronDeliveryId(long repoId, String pipeline, String minute) {
  public static final String PREFIX = "cron:";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  public static CronDeliveryId of(long repoId, String pipeline, ZonedDateTime firedAt) {
    return new CronDeliveryId(
        repoId, pipeline, MINUTE.format(firedAt.withZoneSameInstant(ZoneOffset.UTC)));
  }

  /** Parses a delivery id; empty for anything that is not a cron delivery id. */
  public static Optional<CronDeliveryId> parse(String deliveryId) {
    if (deliveryId == null || !deliveryId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = deliveryId.substring(PREFIX.length());
    int first = rest.indexOf(':');
    int last = rest.lastIndexOf(':');
    if (first <= 0 || last <= first + 1) {
      return Optional.empty();
    }
    String id = rest.substring(0, first);
    String minute = rest.substring(last + 1);
    if (!id.matches("\\d{1,18}") || !minute.matches("\\d{12}")) {
      return Optional.empty();
    }
    return Optional.of(new CronDeliveryId(Long.parseLong(id), rest.substring(first + 1, last), minute));
  }

  @Override
  public String toString() {
    return PREFIX + repoId + ":" + pipeline + ":" + minute;
  }
}
