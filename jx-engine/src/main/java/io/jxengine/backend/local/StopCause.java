package io.jxengine.backend.local;

/** Why the backend ended a step's process tree. */
enum StopCause {
  STEP_TIMEOUT,
  STAGE_TIMEOUT,
  PIPELINE_TIMEOUT,
  CANCELLED,
  /** The step's shell exited but processes it started still hold its output open. */
  LINGERING
}
