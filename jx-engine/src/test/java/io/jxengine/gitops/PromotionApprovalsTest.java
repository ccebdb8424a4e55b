package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which promotion a pull request's branch is: {@code promote/<app>-<version>}. */
class PromotionApprovalsTest {
  @Test
  void splitsAtTheDashAfterWhichAVersionFollows() {
    assertThat(PromotionApprovals.parseBranch("promote/web-1.2.0"))
        .contains(new PromotionApprovals.AppVersion("web", "1.2.0"));
    assertThat(PromotionApprovals.parseBranch("promote/my-app-2-1.2.0-rc.1"))
        .contains(new PromotionApprovals.AppVersion("my-app-2", "1.2.0-rc.1"));
  }

  @Test
  void otherBranchesAreNoPromotion() {
    assertThat(PromotionApprovals.parseBranch("feature/web-1.2.0")).isEmpty();
    assertThat(PromotionApprovals.parseBranch("promote/web")).isEmpty();
    assertThat(PromotionApprovals.parseBranch("promote/-1.2.0")).isEmpty();
    assertThat(PromotionApprovals.parseBranch("promote/Web-1.2.0")).isEmpty();
    assertThat(PromotionApprovals.parseBranch(null)).isEmpty();
  }
}
