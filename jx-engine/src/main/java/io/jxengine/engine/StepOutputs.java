package io.jxengine.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The channel through which a step tells the engine something about its run (see {@code
 * docs/releases.md}): the engine gives every local step {@code JXE_OUTPUTS}, the path of a file
 * beside the run's workspace; a step appends {@code key=value} lines to it; after the run the
 * engine reads the file and records what it knows ({@link #VERSION}, {@link #RELEASE_NOTES_URL})
 * on the activity. Later lines win. Keys are lower case {@code [a-z0-9_]}; a value is one line of at
 * most {@link #MAX_VALUE} characters; the engine reads at most {@link #MAX_FILE} bytes and ignores
 * anything malformed, since a step's output is not to be trusted. Stateless.
 */
public final class StepOutputs {
  /** The environment variable naming the file. */
  public static final String ENV = "JXE_OUTPUTS";
  /** The released version ({@code jxe step next-version}). */
  public static final String VERSION = "version";
  /** The release notes' web page ({@code jxe step changelog --release}). */
  public static final String RELEASE_NOTES_URL = "release_notes_url";

  static final int MAX_FILE = 64 * 1024;
  static final int MAX_VALUE = 2048;
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]{1,64}");

  private StepOutputs() {}

  /** Where the outputs of the run in {@code workspace} go: a sibling file, kept out of the checkout. */
  public static Path fileFor(Path workspace) {
    Path abs = workspace.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".outputs");
  }

  /**
   * Appends {@code key=value} to the file {@code env} names, if it names one (outside a pipeline
   * nothing is written). Returns whether it wrote.
   */
  public static boolean append(Map<String, String> env, String key, String value)
      throws IOException {
    String file = env.get(ENV);
    if (file == null || file.isBlank()) {
      return false;
    }
    if (!KEY.matcher(key).matches() || value.contains("\n") || value.contains("\r")
        || value.length() > MAX_VALUE) {
      throw new IllegalArgumentException("not a valid output: " + key);
    }
    Files.writeString(Path.of(file), key + "=" + value + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return true;
  }

  /** The outputs in {@code file}; empty when it does not exist or cannot be read. */
  public static Map<String, String> read(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE);
    } catch (IOException e) {
      return out;
    }
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1).strip();
      if (KEY.matcher(key).matches() && value.length() <= MAX_VALUE) {
        out.put(key, value);
      }
    }
    return out;
  }
}
