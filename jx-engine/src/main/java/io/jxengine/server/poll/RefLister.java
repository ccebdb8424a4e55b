package io.jxengine.server.poll;

import java.io.IOException;
import java.util.Map;

/** Lists a remote's branches and tags ({@code git ls-remote}). Blocking; thread-safe. */
@FunctionalInterface
public interface RefLister {
  /**
   * Full ref name ({@code refs/heads/main}, {@code refs/tags/v1}) → commit sha (annotated tags
   * peeled to their commit).
   *
   * @throws IOException when the remote cannot be reached or read
   */
  Map<String, String> list(String cloneUrl) throws IOException;
}
