package io.jxengine.server;

import io.jxengine.activity.ActivityStore;
import io.jxengine.engine.PipelineRunner;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.runs.RunQueue;
import io.jxengine.server.trigger.TriggerPlanner;

/**
 * What the server is made of, so that each part can be swapped: the real trigger planner,
 * repository store and provider factory are plugged in here; tests pass fakes. The server does
 * not close them: whoever made them does.
 *
 * @param deliveries and {@code queue}: usually one {@code SqliteServerStore}
 * @param loader re-reads queued effective pipelines (no catalog references are left in them)
 */
public record ServerParts(
    ActivityStore activities,
    DeliveryStore deliveries,
    RunQueue queue,
    RepositoryStore repositories,
    TriggerPlanner planner,
    ProviderFactory providers,
    PipelineRunner runService,
    PipelineLoader loader) {}
