package io.jxengine.backend.local;

import io.jxengine.backend.StepReports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step hands to the steps after it and reports to the engine, through the file named by
 * {@code $JXE_ENV} (see {@link StepReports}): one {@code NAME=value} per line. After the step
 * succeeds, its variables are in the environment of every step of the run that starts later; a
 * variable the pipeline or step sets itself ({@code env:}, engine variables, secrets) still wins.
 * The reserved name {@link StepReports#STEP_MESSAGE} is not exported: it becomes the message
 * recorded on the step (also when the step fails), such as a preview's URL or why it could not be
 * made.
 *
 * <p>Names must match {@code [A-Za-z_][A-Za-z0-9_]*}; other lines are ignored. At most
 * {@value #MAX_BYTES} bytes are read, so a runaway step cannot fill the engine's memory.
 */
record StepExports(Map<String, String> variables, String message) {
  static final String VARIABLE = StepReports.ENV;
  static final String MESSAGE = StepReports.STEP_MESSAGE;
  static final int MAX_BYTES = 64 * 1024;

  static final StepExports NONE = new StepExports(Map.of(), null);

  /**
   * The exports in {@code file}, which is then deleted, so the next step (or attempt) writing to
   * the same path starts empty; none when nothing was written.
   */
  static StepExports take(Path file) {
    StepExports ex = read(file);
    if (ex != NONE) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left: a later read sees these lines again, as it would have before
      }
    }
    return ex;
  }

  /** These exports, then {@code later}'s: its variables and its message win. */
  StepExports then(StepExports later) {
    if (later == NONE) {
      return this;
    }
    if (this == NONE) {
      return later;
    }
    Map<String, String> vars = new LinkedHashMap<>(variables);
    vars.putAll(later.variables);
    return new StepExports(Map.copyOf(vars), later.message != null ? later.message : message);
  }

  /** The exports in {@code file}; none when the step did not write it. */
  static StepExports read(Path file) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return NONE;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    String message = null;
    for (String line : text.split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0 || !StepReports.isName(line.substring(0, eq))) {
        continue;
      }
      String name = line.substring(0, eq);
      if (MESSAGE.equals(name)) {
        message = line.substring(eq + 1);
      } else {
        vars.put(name, line.substring(eq + 1));
      }
    }
    return new StepExports(Map.copyOf(vars), message);
  }
}
