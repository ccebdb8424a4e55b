package io.jxengine.logs;

import java.io.IOException;
import java.util.List;

/**
 * Per-step logs. Each line is stored with its timestamp after secret values have been masked.
 * Logs are readable while they are written, so a follower can stream them. Thread-safe; one
 * writer per step.
 */
public interface LogStore {

  /** Opens the log of one step for appending. Lines are masked with {@code masker}. */
  LogWriter open(long activityId, long stepId, SecretMasker masker) throws IOException;

  /** Lines of a step's log from line {@code fromLine} (0-based); empty when none yet. */
  List<LogLine> read(long activityId, long stepId, int fromLine) throws IOException;

  /** Appends lines to a step's log; closing flushes. */
  interface LogWriter extends AutoCloseable {
    void line(String text);

    @Override
    void close();
  }
}
