package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void latestIsTheNewestBundledMigration() throws Exception {
    // The fast path trusts Schema.LATEST; a new migration without bumping it would never run.
    URL dir = getClass().getClassLoader().getResource("db/migration");
    assertThat(dir).isNotNull();
    int newest;
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      newest =
          files
              .map(f -> VERSIONED.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElse(0);
    }
    assertThat(newest).isPositive().isEqualTo(Schema.LATEST);
  }

  @Test
  void migrationLockIsBesideTheDatabase() {
    Path lock = Schema.lockFile(Path.of("/data/jx/activities.db"));
    assertThat(lock).isEqualTo(Path.of("/data/jx/activities.db.migrate-lock"));
  }
}
