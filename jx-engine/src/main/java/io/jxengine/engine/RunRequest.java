package io.jxengine.engine;

import io.jxengine.model.Pipeline;
import java.nio.file.Path;

/**
 * One run to perform.
 *
 * @param pipeline the effective pipeline (catalog references resolved, lint clean)
 * @param context what the run is about (repository, revision, event)
 * @param sourceDir a directory to copy into the workspace, or null to check out {@code
 *     context.gitUrl()} at {@code context.commitSha()}
 * @param concurrency stages at once when the pipeline does not say; 0 for the engine default
 * @param keepWorkspace keep the run's workspace after it ends (for debugging)
 */
public record RunRequest(
    Pipeline pipeline, RunContext context, Path sourceDir, int concurrency, boolean keepWorkspace) {}
