package io.jxengine.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one channel from a step to what comes after it: the file named by {@code $JXE_ENV} (like
 * GitHub Actions' {@code $GITHUB_ENV}), to which the step appends {@code NAME=value} lines. After
 * the step succeeds its variables are exported to the steps that start later (see {@code
 * docs/pipeline-syntax.md}); a few reserved names also tell the engine something it records:
 *
 * <ul>
 *   <li>{@value #STEP_MESSAGE}: the message recorded on the step (also when it fails; not
 *       exported), such as a preview's URL;
 *   <li>{@value #RELEASE_VERSION}, {@value #RELEASE_NOTES_URL}: the version a release step made
 *       ({@code jxe step next-version}) and its notes' page ({@code jxe step changelog
 *       --release}), recorded on the activity; later steps see them as variables too.
 * </ul>
 *
 * <p>A value the engine records is one line of at most {@value #MAX_RECORDED} characters (longer
 * ones are not recorded); a step's output is not to be trusted. Stateless.
 */
public final class StepReports {
  /** The environment variable naming the file. */
  public static final String ENV = "JXE_ENV";
  /** The step's own message (not exported). */
  public static final String STEP_MESSAGE = "JXE_STEP_MESSAGE";
  /** The released version. */
  public static final String RELEASE_VERSION = "JXE_RELEASE_VERSION";
  /** The release notes' web page. */
  public static final String RELEASE_NOTES_URL = "JXE_RELEASE_NOTES_URL";

  public static final int MAX_RECORDED = 2048;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private StepReports() {}

  /**
   * Appends {@code name=value} to the file {@code env} names, if it names one (outside a pipeline
   * nothing is written). Returns whether it wrote.
   *
   * @throws IllegalArgumentException when the name is no variable name or the value is not one
   *     line of at most {@value #MAX_RECORDED} characters
   */
  public static boolean append(Map<String, String> env, String name, String value)
      throws IOException {
    String file = env.get(ENV);
    if (file == null || file.isBlank()) {
      return false;
    }
    if (!isName(name) || recordable(value) == null) {
      throw new IllegalArgumentException("not a value to report: " + name);
    }
    Files.writeString(Path.of(file), name + "=" + value + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return true;
  }

  /** True when {@code name} is a variable name a line of the file may set. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /** {@code value} stripped when the engine may record it, else null. */
  public static String recordable(String value) {
    if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() || v.length() > MAX_RECORDED ? null : v;
  }
}
