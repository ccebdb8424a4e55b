package io.jxengine.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogStoreIT {
  @TempDir Path root;

  @Test
  void storesMaskedTimestampedLinesUnderActivityAndStep() throws Exception {
    FileLogStore store = new FileLogStore(root);
    Instant before = Instant.now().minusMillis(1);
    try (var w = store.open(7, 42, new SecretValueMasker(List.of("s3cr3t")))) {
      w.line("token s3cr3t here");
      w.line("two\nlines");
    }
    List<String> raw = Files.readAllLines(root.resolve("7").resolve("42.log"));
    assertThat(raw).hasSize(3);
    assertThat(raw.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z token \\*\\*\\* here");
    List<LogLine> lines = store.read(7, 42, 0);
    assertThat(lines).extracting(LogLine::text).containsExactly("token *** here", "two", "lines");
    assertThat(lines.get(0).time()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(store.read(7, 42, 2)).extracting(LogLine::text).containsExactly("lines");
    assertThat(store.read(7, 43, 0)).isEmpty();
  }

  @Test
  void aFollowerSeesLinesWhileTheyAreWrittenAndOnlyCompleteOnes() throws Exception {
    FileLogStore store = new FileLogStore(root);
    int total = 5000;
    var writer = store.open(1, 1, SecretMasker.NONE);
    CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < total; i++) {
        writer.line("line " + i + " " + "x".repeat(i % 200));
      }
    });
    List<String> seen = new ArrayList<>();
    while (seen.size() < total) {
      for (LogLine l : store.read(1, 1, seen.size())) {
        seen.add(l.text());
      }
      if (writing.isDone() && seen.size() < total) {
        // the last lines are flushed by the timer or by close
        await().atMost(Duration.ofSeconds(5)).until(() -> store.read(1, 1, 0).size() == total);
      }
    }
    writing.join();
    writer.close();
    for (int i = 0; i < total; i++) {
      assertThat(seen.get(i)).isEqualTo("line " + i + " " + "x".repeat(i % 200));
    }
  }

  @Test
  void aLineIsVisibleSoonWithoutClosingTheWriter() throws Exception {
    FileLogStore store = new FileLogStore(root);
    try (var w = store.open(2, 3, SecretMasker.NONE)) {
      w.line("first");
      w.line("second");
      await().atMost(Duration.ofSeconds(5))
          .until(() -> store.read(2, 3, 0).size() == 2);
    }
  }
}
