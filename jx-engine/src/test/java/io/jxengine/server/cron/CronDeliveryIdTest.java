package io.jxengine.server.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronDeliveryIdTest {
  @Test
  void formatsTheMinuteInUtcAndParsesBack() {
    ZonedDateTime paris = ZonedDateTime.of(2026, 11, 30, 4, 5, 30, 0, ZoneId.of("Europe/Paris"));
    CronDeliveryId id = CronDeliveryId.of(7, "nightly", paris);
    assertThat(id.toString()).isEqualTo("cron:7:nightly:202611300305");
    assertThat(CronDeliveryId.parse(id.toString())).contains(id);
  }

  @Test
  void pipelineNamesMayContainColons() {
    assertThat(CronDeliveryId.parse("cron:12:a:b:202601010000"))
        .contains(new CronDeliveryId(12, "a:b", "202601010000"));
  }

  @Test
  void otherIdsAreNotCron() {
    assertThat(CronDeliveryId.parse("poll:1:refs/heads/main:abc")).isEmpty();
    assertThat(CronDeliveryId.parse("cron:x:p:202601010000")).isEmpty();
    assertThat(CronDeliveryId.parse("cron:1:p:2026")).isEmpty();
    assertThat(CronDeliveryId.parse("cron:1::202601010000")).isEmpty();
    assertThat(CronDeliveryId.parse(null)).isEmpty();
  }
}
