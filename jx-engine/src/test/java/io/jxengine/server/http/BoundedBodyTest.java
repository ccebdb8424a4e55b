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

  @Test
  void aDeclaredLengthIsReadIntoAnArrayOfThatSize() throws Exception {
    byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100, body.length))
        .isEqualTo(body);
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 100, 0)).isEmpty();
  }

  @Test
  void aStreamShorterOrLongerThanDeclaredIsReadAsSentWithinTheCap() throws Exception {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[10]), 100, 50)).hasSize(10);
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[80]), 100, 50)).hasSize(80);
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100, 50))
        .isInstanceOf(BoundedBody.TooLarge.class);
    CountingEndless endless = new CountingEndless();
    assertThatThrownBy(() -> BoundedBody.read(endless, 50_000, 100))
        .isInstanceOf(BoundedBody.TooLarge.class);
    assertThat(endless.read).isEqualTo(50_001);
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
