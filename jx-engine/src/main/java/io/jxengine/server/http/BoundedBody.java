package io.jxengine.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a request body up to a cap, without ever holding more than the cap. */
public final class BoundedBody {
  /** The body was longer than the cap; the rest is left unread. */
  public static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  /**
   * A declared length up to this is allocated at once; a larger one grows as bytes arrive, so a
   * client that only declares 25 MB does not get 25 MB allocated.
   */
  static final int PRESIZE_LIMIT = 1024 * 1024;

  private BoundedBody() {}

  /**
   * As {@link #read(InputStream, int)}, for a request that declared its length ({@code
   * Content-Length}, or -1 when it did not): a body of up to {@link #PRESIZE_LIMIT} bytes is read
   * straight into an array of that size, with no growing buffer and no copy. A stream that goes
   * on past the declared length is still read only up to the cap.
   */
  public static byte[] read(InputStream in, int max, long declaredLength)
      throws IOException, TooLarge {
    if (declaredLength < 0 || declaredLength > Math.min(max, PRESIZE_LIMIT)) {
      return read(in, max);
    }
    byte[] body = new byte[(int) declaredLength];
    int n = in.readNBytes(body, 0, body.length);
    if (n < body.length) {
      return Arrays.copyOf(body, n);
    }
    int next = in.read(); // the server ends the stream at the declared length: -1 at once
    if (next < 0) {
      return body;
    }
    if (body.length + 1 > max) {
      throw new TooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
    out.write(body);
    out.write(next);
    out.write(read(in, max - body.length - 1));
    return out.toByteArray();
  }

  public static byte[] read(InputStream in, int max) throws IOException, TooLarge {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 16 * 1024));
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1L - total))) > 0) {
      total += n;
      if (total > max) {
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
