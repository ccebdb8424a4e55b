package io.jxengine.engine;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.diag.Diagnostic;
import java.util.List;

/**
 * How a run ended. A run refused before it started (a missing secret) has no activity and its
 * diagnostics say why.
 */
public record RunOutcome(Activity activity, Status status, List<Diagnostic> diagnostics) {
  public RunOutcome {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean succeeded() {
    return status == Status.Succeeded;
  }
}
