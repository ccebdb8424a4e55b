package io.jxengine.backend.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a step's merged stdout/stderr and hands it on line by line (without the line break; a
 * trailing {@code \r} is dropped too). A line longer than {@link #MAX_LINE} bytes is split, so a
 * step printing megabytes without a newline cannot exhaust memory. Bytes are decoded as UTF-8;
 * invalid sequences become U+FFFD. Runs on a pool thread until end of stream.
 */
final class OutputPump implements Runnable {
  static final int MAX_LINE = 64 * 1024;

  private final InputStream in;
  private final Consumer<String> lines;
  private final byte[] line = new byte[MAX_LINE];
  private int len;

  OutputPump(InputStream in, Consumer<String> lines) {
    this.in = in;
    this.lines = lines;
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            emit(len);
          } else {
            if (len == MAX_LINE) {
              emitSplit();
            }
            line[len++] = b;
          }
        }
      }
    } catch (IOException e) {
      // the stream is closed when the process tree is killed: what was read is kept
    }
    if (len > 0) {
      emit(len);
    }
  }

  /** Hands on one line; a failing consumer must not stop the draining, or the step would block. */
  private void deliver(String text) {
    try {
      lines.accept(text);
    } catch (RuntimeException e) {
      // the listener's problem: the step keeps running and its output keeps flowing
    }
  }

  private void emitSplit() {
    // Cut before an incomplete UTF-8 sequence at the end so a character is not torn in two.
    int cut = len;
    for (int k = len - 1; k >= Math.max(0, len - 4); k--) {
      int b = line[k] & 0xFF;
      if (b < 0x80) {
        break;
      }
      if (b >= 0xC0) {
        int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (k + size > len) {
          cut = k;
        }
        break;
      }
    }
    int rest = len - cut;
    deliver(new String(line, 0, cut, StandardCharsets.UTF_8));
    System.arraycopy(line, cut, line, 0, rest);
    len = rest;
  }

  private void emit(int n) {
    int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
    deliver(new String(line, 0, end, StandardCharsets.UTF_8));
    len = 0;
  }
}
