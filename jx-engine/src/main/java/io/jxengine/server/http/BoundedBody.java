package io.jxengine.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a cap, without ever holding more than the cap. */
public final class BoundedBody {
  /** The body was longer than the cap; the rest is left unread. */
  public static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private BoundedBody() {}

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
