package io.jxengine.approval;

import java.time.Instant;
import java.util.List;

/**
 * One approval gate of a run as stored: what it asks, who may decide, and how it stands.
 *
 * @param submitters user names that may decide; empty means anyone who may change runs
 * @param deadline when the gate times out, or null
 * @param decidedBy who approved or rejected it, or null
 */
public record ApprovalRecord(
    long id,
    long activityId,
    String stage,
    String step,
    String message,
    String ok,
    List<String> submitters,
    ApprovalState state,
    Instant requested,
    Instant deadline,
    String decidedBy,
    Instant decided) {
  public ApprovalRecord {
    submitters = List.copyOf(submitters);
  }

  /**
   * True when {@code user} may decide: anyone when no submitters are named, else a named one
   * (case-insensitively, as git providers treat logins).
   */
  public boolean allows(String user) {
    return submitters.isEmpty()
        || (user != null && submitters.stream().anyMatch(s -> s.equalsIgnoreCase(user)));
  }
}
