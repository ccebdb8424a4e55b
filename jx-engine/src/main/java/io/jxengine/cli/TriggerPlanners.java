package io.jxengine.cli;

import io.jxengine.activity.ActivityStore;
import io.jxengine.engine.JxeHome;
import io.jxengine.gitops.PromotionApprovals;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.trigger.DefaultTriggerPlanner;
import io.jxengine.server.trigger.TriggerPlanner;
import io.jxengine.store.SqliteEnvironmentStore;
import io.jxengine.store.SqlitePullRequestGates;

/**
 * The server's trigger planner on embedded defaults: pull-request gates and the environments (for
 * {@code /approve} of promotions) in the SQLite file.
 */
final class TriggerPlanners {
  private TriggerPlanners() {}

  static TriggerPlanner create(
      JxeHome home, ActivityStore activities, ProviderFactory providers) {
    return new DefaultTriggerPlanner(
        home.root().resolve("mirrors"), home.builtInCatalogs(), providers::forRepository, activities,
        SqlitePullRequestGates.open(home.database()),
        new PromotionApprovals(SqliteEnvironmentStore.open(home.database())));
  }
}
