package io.jxengine.server.runs;

import io.jxengine.engine.RunContext;

/**
 * What a queued run needs to start, stored with its Pending activity, and kept so it can be
 * re-run.
 *
 * @param repositoryId the registered repository, or 0 when there is none (no commit statuses)
 * @param triggerKey unique per event and pipeline: queuing it twice gives one run
 * @param pipelineName the activity's context (the pipeline's name)
 * @param pipelineSource native, jenkinsfile, jenkins
 * @param pipelineYaml the effective pipeline ({@code EffectiveYaml.write}), re-parsed to run
 */
public record QueuedRun(
    long repositoryId,
    String triggerKey,
    String pipelineName,
    String pipelineSource,
    String pipelineYaml,
    RunContext context,
    String checkoutUrl,
    String checkoutSha,
    boolean withSecrets,
    String statusContext) {}
