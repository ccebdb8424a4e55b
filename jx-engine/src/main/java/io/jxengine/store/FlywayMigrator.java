package io.jxengine.store;

import io.jxengine.activity.StoreException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Runs the bundled migrations with Flyway. A class of its own so that the fast path of {@link
 * Schema} never loads Flyway's classes.
 */
final class FlywayMigrator {
  static final String LOCATION = "classpath:db/migration";

  private FlywayMigrator() {}

  /** Migrates the file and returns the schema version it is at afterwards. */
  static int migrate(DataSource dataSource, Path file) {
    try {
      Flyway flyway =
          Flyway.configure(FlywayMigrator.class.getClassLoader())
              .dataSource(dataSource)
              .locations(LOCATION)
              .loggers("slf4j")
              .load();
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    } catch (FlywayException e) {
      throw new StoreException(
          "activity store " + file + ": cannot migrate the schema: " + e.getMessage(), e);
    }
  }
}
