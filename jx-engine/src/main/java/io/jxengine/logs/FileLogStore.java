package io.jxengine.logs;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logs as plain files: {@code <root>/<activityId>/<stepId>.log}, one line per log line as
 * {@code <ISO-8601 instant with millis> <text>}. Text is masked before it is written; a text that
 * contains line breaks is stored as several lines. Readers see only complete lines, so a log can
 * be followed while it is written. Writers buffer and flush at most {@value #FLUSH_MILLIS} ms
 * after a line (at once when the previous flush is older), so a follower sees a line within about
 * that time while a chatty step does not cost a system call per line. Thread-safe.
 */
public final class FileLogStore implements LogStore {
  static final long FLUSH_MILLIS = 50;
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ScheduledExecutorService FLUSHER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jxe-log-flush");
        t.setDaemon(true);
        return t;
      });

  private final Path root;

  public FileLogStore(Path root) {
    this.root = root;
  }

  /** The file that holds one step's log. */
  public Path file(long activityId, long stepId) {
    return root.resolve(Long.toString(activityId)).resolve(stepId + ".log");
  }

  @Override
  public LogWriter open(long activityId, long stepId, SecretMasker masker) throws IOException {
    Path file = file(activityId, stepId);
    Files.createDirectories(file.getParent());
    OutputStream out = Files.newOutputStream(
        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return new FileWriter(new BufferedOutputStream(out, 16 * 1024),
        masker == null ? SecretMasker.NONE : masker);
  }

  @Override
  public List<LogLine> read(long activityId, long stepId, int fromLine) throws IOException {
    List<LogLine> lines = new ArrayList<>();
    InputStream raw;
    try {
      raw = Files.newInputStream(file(activityId, stepId));
    } catch (NoSuchFileException e) {
      return lines;
    }
    try (InputStream in = raw) {
      ByteArrayOutputStream current = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      int index = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] != '\n') {
            continue;
          }
          if (index >= fromLine) {
            current.write(buf, start, i - start);
            lines.add(parse(current.toString(StandardCharsets.UTF_8)));
          }
          current.reset();
          index++;
          start = i + 1;
        }
        if (index >= fromLine) {
          current.write(buf, start, n - start);
        }
      }
      // bytes after the last '\n' are a line still being written: not returned yet
    }
    return lines;
  }

  private static LogLine parse(String stored) {
    int space = stored.indexOf(' ');
    if (space > 0) {
      try {
        return new LogLine(Instant.parse(stored.substring(0, space)), stored.substring(space + 1));
      } catch (RuntimeException notATime) {
        // a hand-edited or foreign file: keep the text, time unknown
      }
    }
    return new LogLine(Instant.EPOCH, stored);
  }

  private static final class FileWriter implements LogWriter {
    private final OutputStream out;
    private final SecretMasker masker;
    private long lastFlush = System.nanoTime();
    private boolean flushScheduled;
    private boolean closed;

    FileWriter(OutputStream out, SecretMasker masker) {
      this.out = out;
      this.masker = masker;
    }

    @Override
    public void line(String text) {
      String masked = masker.mask(text == null ? "" : text);
      String time = TIME.format(Instant.now());
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("log writer is closed");
        }
        try {
          for (String part : masked.split("\r?\n", -1)) {
            out.write((time + ' ' + part + '\n').getBytes(StandardCharsets.UTF_8));
          }
          long now = System.nanoTime();
          if (now - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS)) {
            flushNow(now);
          } else if (!flushScheduled) {
            flushScheduled = true;
            FLUSHER.schedule(this::scheduledFlush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    private synchronized void scheduledFlush() {
      flushScheduled = false;
      if (!closed) {
        try {
          flushNow(System.nanoTime());
        } catch (IOException e) {
          // the next line or close reports the problem
        }
      }
    }

    private void flushNow(long now) throws IOException {
      out.flush();
      lastFlush = now;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
