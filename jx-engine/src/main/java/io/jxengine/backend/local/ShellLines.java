package io.jxengine.backend.local;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Splits a step shell's output (lines from an {@link OutputPump}) into the steps it ran. Before
 * {@link #expect} the lines of the step that is running go to its sink; the end marker line
 * {@code <nonce> <exit code>} completes the step's future with the exit code.
 *
 * <p>The shell prints a newline before each marker, so the marker always starts a line even
 * when the step's output did not end with one. That newline ends either the step's unterminated
 * last line (kept) or makes one empty line (dropped). Empty lines are therefore held back until
 * the next line shows whether the marker follows; other lines pass through at once, so logs
 * stream live.
 *
 * <p>Threading: {@link #accept} and {@link #ended} run on the shell's single output thread;
 * {@link #expect} on the step's thread, one step at a time, before the request is written.
 */
final class ShellLines implements Consumer<String> {
  /** A step's sink and the marker that ends it. */
  private record Expected(String prefix, Consumer<String> sink, CompletableFuture<Integer> exit) {}

  private volatile Expected current;
  private int heldEmpty;

  /** Lines from now on belong to the step whose marker starts with {@code nonce}. */
  CompletableFuture<Integer> expect(String nonce, Consumer<String> sink) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    current = new Expected(nonce + " ", sink, exit);
    return exit;
  }

  @Override
  public void accept(String line) {
    Expected e = current;
    if (e == null) {
      return; // output outside a step: nothing the shell itself prints, so there is no owner
    }
    if (line.isEmpty()) {
      heldEmpty++;
      return;
    }
    Integer code = line.startsWith(e.prefix()) ? exitCode(line, e.prefix().length()) : null;
    if (code != null) {
      release(e, heldEmpty - 1);
      heldEmpty = 0;
      current = null;
      e.exit().complete(code);
      return;
    }
    release(e, heldEmpty);
    heldEmpty = 0;
    e.sink().accept(line);
  }

  /** End of the output (the shell is gone): what was held back was the step's own output. */
  void ended() {
    Expected e = current;
    if (e != null) {
      release(e, heldEmpty);
      heldEmpty = 0;
      current = null;
      e.exit().complete(null);
    }
  }

  private static void release(Expected e, int empty) {
    for (int i = 0; i < empty; i++) {
      e.sink().accept("");
    }
  }

  /** The exit code after the prefix, or null when the rest is not exactly a number. */
  private static Integer exitCode(String line, int from) {
    int n = line.length() - from;
    if (n < 1 || n > 3) {
      return null;
    }
    int code = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      code = code * 10 + (c - '0');
    }
    return code;
  }
}
