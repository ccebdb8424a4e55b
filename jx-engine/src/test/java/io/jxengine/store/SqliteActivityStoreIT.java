package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.ExternalRun;
import io.jxengine.activity.Status;
import io.jxengine.activity.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store against the {@link ActivityStoreContract}, plus what is its own. */
class SqliteActivityStoreIT extends ActivityStoreContract {
  @TempDir Path dir;

  @Override
  protected ActivityStore open() {
    return SqliteActivityStore.open(dir.resolve("jx/activities.db"));
  }

  @Test
  void reopeningACurrentFileRunsNoMigration() {
    store.close();
    try (SqliteActivityStore again = SqliteActivityStore.open(dir.resolve("jx/activities.db"))) {
      assertThat(again.ranMigrations()).isFalse();
    }
    store = open();
  }

  @Test
  void externalRunsKeepTheirNumberTimesAndLinkAndRefuseADuplicate() {
    Instant t0 = Instant.parse("2026-01-02T03:04:05.678Z");
    Instant started = t0.minusSeconds(60);
    Activity a = store.createExternal(Activities.of("ci", "folder/app", "main"),
        new ExternalRun(41, Status.Running, started, null, "https://jenkins/job/app/41/", null));

    assertThat(a.build()).isEqualTo(41);
    assertThat(a.status()).isEqualTo(Status.Running);
    assertThat(a.started()).isEqualTo(started);
    assertThat(a.completed()).isNull();
    assertThat(a.buildUrl()).isEqualTo("https://jenkins/job/app/41/");
    assertThat(store.find("ci", "folder/app", "main", 41)).contains(a);
    // a native run after it continues from the highest number
    assertThat(store.create(Activities.of("ci", "folder/app", "main")).build()).isEqualTo(42);
    assertThatThrownBy(() -> store.createExternal(Activities.of("ci", "folder/app", "main"),
        new ExternalRun(41, Status.Succeeded, started, t0, "https://jenkins/job/app/41/", "")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("#41");
    assertThat(store.list(ActivityFilter.all())).hasSize(2);
  }
}
