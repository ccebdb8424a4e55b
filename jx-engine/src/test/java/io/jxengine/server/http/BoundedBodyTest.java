package io.jxengine.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  @Test
  void aBodyOfExactlyTheCapIsRead() throws Exception {
    byte[] body = new byte[100_000];
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100_000)).hasSize(100_000);
  }

  @Test
  void oneByteOverTheCapIsTooLarge() {
    byte[] body = new byte[100_001];
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(body), 100_000))
        .isInstanceOf(BoundedBody.TooLarge.class);
  }

  @Test
  void anEndlessStreamStopsJustPastTheCap() {
    CountingEndless endless = new CountingEndless();
    assertThatThrownBy(() -> BoundedBody.read(endless, 50_000))
        .isInstanceOf(BoundedBody.TooLarge.class);
    assertThat(endless.read).isEqualTo(50_001);
  }

  @Test
  void anEmptyBodyIsEmpty() throws Exception {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 10)).isEmpty();
  }

  /** Never ends; counts what was taken from it. */
  private static final class CountingEndless extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      read += len;
      return len;
    }
  }
}
