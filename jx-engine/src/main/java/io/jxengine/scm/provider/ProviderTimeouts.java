package io.jxengine.scm.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a provider client waits: to open a connection, and for an answer once the request is
 * sent. Both are bounded so a stuck provider shows up as a {@link
 * io.jxengine.scm.GitProviderException} with status 0 instead of a hung pipeline.
 */
public record ProviderTimeouts(Duration connect, Duration read) {
  /** 10 s to connect, 30 s to answer: generous for GitHub and GitLab, short enough to notice. */
  public static final ProviderTimeouts DEFAULT =
      new ProviderTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  public ProviderTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + read);
    }
  }

  int connectMillis() {
    return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
  }

  int readMillis() {
    return (int) Math.min(Integer.MAX_VALUE, read.toMillis());
  }
}
