package io.jxengine.gitops;

import java.time.Duration;

/**
 * One promotion: put {@code version} of {@code app} into {@code environment}.
 *
 * @param timeout how long each wait (checks, approval, merge) may take before the promotion ends
 *     as TimedOut
 * @param poll how often a wait asks again
 */
public record PromotionRequest(
    String app, String version, String environment, Duration timeout, Duration poll) {

  /** The branch a promotion pushes: the same for the same app and version, so a re-run finds it. */
  public String branch() {
    return "promote/" + app + "-" + SemVer.normalize(version);
  }

  public String title() {
    return "chore: promote " + app + " to version " + SemVer.normalize(version);
  }
}
