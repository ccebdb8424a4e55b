package io.jxengine.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Small repositories written by the tests themselves. */
final class Repos {
  private Repos() {}

  /** A repository whose one step prints a line and then sleeps for a unique number of seconds. */
  static int writeLongRunning(Path dir) throws IOException {
    int seconds = ThreadLocalRandom.current().nextInt(3000, 3999);
    Files.createDirectories(dir.resolve(".jx"));
    Files.writeString(dir.resolve(".jx/pipeline.yaml"), """
        name: long
        stages:
          - name: wait
            steps:
              - name: sleeper
                run: |
                  echo "started"
                  sleep %d &
                  sleep %d
        """.formatted(seconds, seconds));
    return seconds;
  }

  /** True while some process on this machine runs {@code sleep <seconds>}. */
  static boolean sleeperAlive(int seconds) {
    String wanted = "sleep " + seconds;
    return ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().commandLine().map(c -> c.endsWith(wanted)).orElse(false));
  }
}
