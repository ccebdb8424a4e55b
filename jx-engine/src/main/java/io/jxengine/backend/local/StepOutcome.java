package io.jxengine.backend.local;

import io.jxengine.activity.Status;

/** How one step (all its attempts) ended. */
record StepOutcome(String step, Status status, Integer exitCode, String message) {
  boolean succeeded() {
    return status == Status.Succeeded;
  }
}
