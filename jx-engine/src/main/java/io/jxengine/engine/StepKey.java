package io.jxengine.engine;

/** Identifies one step of a run as the backend reports it: stage, phase (steps/post) and name. */
record StepKey(String stage, String phase, String step) {
  static StepKey of(String stage, String phase, String step) {
    return new StepKey(stage, phase == null ? "steps" : phase, step);
  }
}
