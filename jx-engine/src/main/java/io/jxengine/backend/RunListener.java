package io.jxengine.backend;

import io.jxengine.activity.Status;

/**
 * Receives what a backend does, in order per stage. Called from the backend's worker threads:
 * implementations must be thread-safe. The engine's implementation writes the activity store.
 */
public interface RunListener {
  /** Hears nothing: for runs whose events only the store needs (benchmarks, re-attached runs). */
  RunListener NONE = new RunListener() {
    @Override
    public void stage(String stage, Status status, String message) {}

    @Override
    public void step(String stage, String step, String phase, Status status, int attempt,
        Integer exitCode, String message) {}

    @Override
    public void log(String stage, String step, String line) {}
  };

  /** A stage changed status; {@code message} says why (may be empty). */
  void stage(String stage, Status status, String message);

  /**
   * A step changed status.
   *
   * @param phase {@code steps}, {@code post} for the stage's post actions
   * @param attempt 1-based attempt number
   * @param exitCode the exit code once ended, else null
   */
  void step(
      String stage, String step, String phase, Status status, int attempt, Integer exitCode,
      String message);

  /** A line of a step's output (not yet masked). */
  void log(String stage, String step, String line);

  /** A step's process started (for crash recovery). */
  default void process(String stage, String step, long pid, long startMillis) {}

  /**
   * A step succeeded and exported {@code variables} through {@code $JXE_ENV} (never empty; see
   * {@link StepReports} for the names the engine records). Called before its final {@link #step}.
   */
  default void exported(String stage, String step, java.util.Map<String, String> variables) {}
}
