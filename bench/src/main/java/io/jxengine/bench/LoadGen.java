package io.jxengine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A webhook load generator meant to run in a JVM of its own (the server's cores are shared, its
 * JIT and heap are not). It opens {@code connections} keep-alive HTTP/1.1 connections first, then
 * drives them from one thread with non-blocking I/O, so it adds no thread wake-ups of its own to
 * the figures. Every request is the same signed GitHub push with its own {@code
 * X-GitHub-Delivery} ({@code <prefix>-<n>}; the signature covers the body only).
 *
 * <ul>
 *   <li>{@code burst}: every connection sends one delivery at the same moment, all answers are
 *       awaited, then a pause; repeated for {@code rounds} (after 2 unmeasured rounds). Latency of
 *       each is from its own write to its whole answer.
 *   <li>{@code rate}: an open loop at a fixed rate spread over the connections (wrk2-style): the
 *       n-th request is due at {@code start + n / rate} whether or not earlier ones were answered,
 *       and its latency counts from that due time, so a server that falls behind is charged for
 *       the wait (no coordinated omission). A request due while every connection is busy waits
 *       for the next free one, its clock running.
 * </ul>
 *
 * <p>Usage: {@code LoadGen burst <url> <connections> <rounds> <prefix> <body> <signature>} or
 * {@code LoadGen rate <url> <connections> <per second> <seconds> <prefix> <body> <signature>}.
 * Prints one line {@code RESULT sent=.. answered=.. non2xx=.. errors=.. p50=.. p90=.. p99=..
 * max=.. seconds=..} (latencies in ms); exit 1 on a connection failure.
 */
public final class LoadGen {
  private static final int WARMUP_ROUNDS = 2;
  private static final long PAUSE_BETWEEN_ROUNDS_NANOS = 200_000_000L;

  private final URI url;
  private final byte[] body;
  private final String signature;
  private final String prefix;
  private final Selector selector;
  private final List<Conn> conns = new ArrayList<>();
  private final List<Double> latencies = new ArrayList<>();
  /** Connections with nothing in flight, in the order they became free. */
  private final Deque<Conn> idle = new ArrayDeque<>();
  private int inFlight;
  private long sent;
  private long non2xx;
  private long errors;
  private boolean measuring;
  /** Time spent in measured rounds or the measured open loop. */
  private long measuredNanos;

  private LoadGen(URI url, int connections, String prefix, byte[] body, String signature)
      throws IOException {
    this.url = url;
    this.body = body;
    this.signature = signature;
    this.prefix = prefix;
    this.selector = Selector.open();
    for (int i = 0; i < connections; i++) {
      SocketChannel ch = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
      ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      ch.configureBlocking(false);
      Conn c = new Conn(ch);
      c.key = ch.register(selector, SelectionKey.OP_READ, c);
      conns.add(c);
      idle.add(c);
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    URI url = URI.create(args[1]);
    int connections = Integer.parseInt(args[2]);
    int n = mode.equals("burst") ? 5 : 6;
    String prefix = args[n - 1];
    byte[] body = Files.readAllBytes(Path.of(args[n]));
    String signature = args[n + 1];
    LoadGen gen = new LoadGen(url, connections, prefix, body, signature);
    if (mode.equals("burst")) {
      gen.burst(Integer.parseInt(args[3]));
    } else {
      gen.rate(Double.parseDouble(args[3]), Integer.parseInt(args[4]));
    }
    double seconds = gen.measuredNanos / 1e9;
    double[] l = gen.latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(java.util.Locale.ROOT,
        "RESULT sent=%d answered=%d non2xx=%d errors=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f"
            + " seconds=%.2f%n", gen.sent, l.length, gen.non2xx, gen.errors, pct(l, 50),
        pct(l, 90), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1], seconds);
    System.exit(gen.errors == 0 ? 0 : 1);
  }

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private void burst(int rounds) throws IOException {
    for (int r = 1 - WARMUP_ROUNDS; r <= rounds; r++) {
      measuring = r > 0;
      idle.clear();
      long t0 = System.nanoTime();
      for (Conn c : conns) {
        send(c, System.nanoTime());
      }
      while (inFlight > 0) {
        poll(100);
      }
      if (measuring) {
        measuredNanos += System.nanoTime() - t0;
      }
      LockSupport.parkNanos(PAUSE_BETWEEN_ROUNDS_NANOS);
    }
  }

  private void rate(double perSecond, int seconds) throws IOException {
    // One unmeasured second at the same rate warms the JIT on both sides.
    measuring = false;
    openLoop(perSecond, 1);
    measuring = true;
    long t0 = System.nanoTime();
    openLoop(perSecond, seconds);
    measuredNanos = System.nanoTime() - t0;
  }

  private void openLoop(double perSecond, int seconds) throws IOException {
    long period = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    long total = (long) (perSecond * seconds);
    Deque<Long> due = new ArrayDeque<>(); // due times of requests waiting for a connection
    long next = 0;
    while (next < total || !due.isEmpty() || inFlight > 0) {
      long now = System.nanoTime();
      while (next < total && start + next * period <= now) {
        due.add(start + next * period);
        next++;
      }
      while (!due.isEmpty() && !idle.isEmpty()) {
        send(idle.poll(), due.poll());
      }
      long wait = next < total ? start + next * period - System.nanoTime() : 100_000_000L;
      if (wait >= 1_000_000L || !due.isEmpty()) {
        poll(Math.max(1, Math.min(wait / 1_000_000L, 100)));
      } else {
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        poll(0);
      }
    }
  }

  private void send(Conn c, long dueNanos) throws IOException {
    String request = "POST " + url.getRawPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Content-Type: application/json\r\n"
        + "X-GitHub-Event: push\r\n"
        + "X-GitHub-Delivery: " + prefix + "-" + (++sent) + "\r\n"
        + "X-Hub-Signature-256: " + signature + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] head = request.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
    c.busy = true;
    inFlight++;
    c.due = dueNanos;
    c.in.clear();
    c.channel.write(out);
    if (out.hasRemaining()) {
      c.pending = out;
      c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
  }

  /** Waits up to {@code millis} (0: not at all) and handles what is ready. */
  private void poll(long millis) throws IOException {
    if (millis == 0) {
      selector.selectNow();
    } else {
      selector.select(millis);
    }
    for (SelectionKey key : selector.selectedKeys()) {
      Conn c = (Conn) key.attachment();
      if (key.isValid() && key.isWritable() && c.pending != null) {
        c.channel.write(c.pending);
        if (!c.pending.hasRemaining()) {
          c.pending = null;
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isValid() && key.isReadable()) {
        read(c);
      }
    }
    selector.selectedKeys().clear();
  }

  private void read(Conn c) throws IOException {
    if (c.channel.read(c.in) < 0) {
      errors++;
      throw new IOException("the server closed a connection");
    }
    int status = c.complete();
    if (status > 0) {
      long end = System.nanoTime();
      c.busy = false;
      inFlight--;
      idle.add(c);
      c.in.clear();
      if (measuring) {
        latencies.add((end - c.due) / 1e6);
        if (status / 100 != 2) {
          non2xx++;
        }
      }
    }
  }

  /** One keep-alive connection with at most one request in flight. */
  private static final class Conn {
    final SocketChannel channel;
    final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    SelectionKey key;
    ByteBuffer pending;
    boolean busy;
    long due;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }

    /** The status when {@link #in} holds a whole answer, else 0. */
    int complete() {
      byte[] a = Arrays.copyOf(in.array(), in.position());
      String text = new String(a, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return 0;
      }
      String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
      int status = Integer.parseInt(text.substring(9, 12));
      int cl = head.indexOf("content-length:");
      if (cl >= 0) {
        int eol = head.indexOf("\r\n", cl);
        int length = Integer.parseInt(
            head.substring(cl + 15, eol < 0 ? head.length() : eol).trim());
        return a.length >= headEnd + 4 + length ? status : 0;
      }
      if (head.contains("transfer-encoding: chunked")) {
        return text.endsWith("\r\n0\r\n\r\n") ? status : 0;
      }
      return status; // no body (204, or a HEAD-like answer)
    }
  }
}
