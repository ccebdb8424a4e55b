package io.jxengine.server.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The engine server's base URL as recorded in {@code $JXE_HOME/server.url}: the server writes it
 * when it starts listening; {@code jxe import} and the git hooks it installs read it to find the
 * engine. One line, no trailing slash.
 */
public final class ServerAddress {
  public static final String FILE_NAME = "server.url";

  private ServerAddress() {}

  /** The file under a JXE_HOME root. */
  public static Path file(Path jxeHome) {
    return jxeHome.resolve(FILE_NAME);
  }

  /** The recorded URL, or empty when no server has started here (or the file is unreadable). */
  public static Optional<String> read(Path jxeHome) {
    Path f = file(jxeHome);
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      String url = normalize(Files.readString(f, StandardCharsets.UTF_8));
      return url.isEmpty() ? Optional.empty() : Optional.of(url);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Records the URL, atomically (a hook reading it at the same moment sees the old or the new
   * line, never half of one).
   */
  public static void write(Path jxeHome, String url) throws IOException {
    Files.createDirectories(jxeHome);
    Path tmp = Files.createTempFile(jxeHome, FILE_NAME, ".tmp");
    Files.writeString(tmp, normalize(url) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file(jxeHome), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Trims whitespace and trailing slashes. */
  public static String normalize(String url) {
    String u = url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
