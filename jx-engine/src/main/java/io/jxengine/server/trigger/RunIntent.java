package io.jxengine.server.trigger;

import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;

/**
 * One run an event asks for.
 *
 * @param pipeline the effective pipeline, read from the repository at {@code checkoutSha}
 * @param checkoutUrl where to clone the workspace from (the engine's local mirror)
 * @param checkoutSha the exact commit to build (a pull request's head)
 * @param withSecrets false for pull requests from forks: their steps never receive secrets
 * @param triggerKey unique per event and pipeline (delivery id + pipeline name): queuing the same
 *     key twice gives one run
 * @param statusContext the commit-status context reported to the provider, such as {@code
 *     jx-engine/pr}
 */
public record RunIntent(
    Pipeline pipeline,
    RunContext context,
    String checkoutUrl,
    String checkoutSha,
    boolean withSecrets,
    String triggerKey,
    String statusContext) {}
