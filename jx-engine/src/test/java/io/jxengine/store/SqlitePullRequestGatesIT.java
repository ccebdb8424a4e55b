package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePullRequestGatesIT {
  static final String A = "a".repeat(40);
  static final String B = "b".repeat(40);

  @TempDir Path tmp;

  @Test
  void approvalsBindToTheExactCommitAndSurviveReopening() {
    Path db = tmp.resolve("jxe.db");
    try (SqlitePullRequestGates gates = SqlitePullRequestGates.open(db)) {
      gates.approve(1, 5, A, "alice");
      gates.approve(1, 5, A, "bob"); // twice is harmless
      assertThat(gates.isApproved(1, 5, A)).isTrue();
      assertThat(gates.isApproved(1, 5, B)).isFalse();
      assertThat(gates.isApproved(1, 6, A)).isFalse();
      assertThat(gates.isApproved(2, 5, A)).isFalse();
    }
    try (SqlitePullRequestGates gates = SqlitePullRequestGates.open(db)) {
      assertThat(gates.isApproved(1, 5, A)).isTrue();
    }
  }

  @Test
  void holdsKeepTheFirstHolderUntilLifted() {
    try (SqlitePullRequestGates gates = SqlitePullRequestGates.open(tmp.resolve("jxe.db"));
        SqliteActivityStore activities = SqliteActivityStore.open(tmp.resolve("jxe.db"))) {
      assertThat(gates.heldBy(1, 5)).isEmpty();
      gates.hold(1, 5, "alice");
      gates.hold(1, 5, "bob");
      assertThat(gates.heldBy(1, 5)).contains("alice");
      assertThat(gates.heldBy(1, 6)).isEmpty();
      assertThat(gates.unhold(1, 5)).isTrue();
      assertThat(gates.unhold(1, 5)).isFalse();
      assertThat(gates.heldBy(1, 5)).isEmpty();
      assertThat(activities.list(io.jxengine.activity.ActivityFilter.all())).isEmpty();
    }
  }
}
