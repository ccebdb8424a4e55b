package io.jxengine.model;

import java.time.Duration;
import java.util.List;

/**
 * An approval gate: a step that runs nothing and waits until a person approves (the run goes on)
 * or rejects it (the stage ends Aborted), or its timeout passes (TimedOut). The native form of
 * Jenkins' {@code input} step.
 *
 * @param message what the approver is asked, shown while the step waits
 * @param ok the label of the approve action ({@code Proceed} when not written)
 * @param submitters user names that may decide; empty means anyone allowed to change runs
 * @param timeout how long to wait, or null to wait until stopped
 * @param pos where {@code approval:} is written
 */
public record Approval(String message, String ok, List<String> submitters, Duration timeout, Pos pos) {
  /** The approve label when none is written, as in Jenkins. */
  public static final String DEFAULT_OK = "Proceed";

  public Approval {
    submitters = List.copyOf(submitters);
    ok = ok == null || ok.isBlank() ? DEFAULT_OK : ok;
  }
}
