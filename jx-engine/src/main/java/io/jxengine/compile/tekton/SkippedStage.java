package io.jxengine.compile.tekton;

/**
 * A stage left out of a cluster run because its {@code when:} was decided before submitting
 * (globs and paths cannot be written as Tekton when-expressions) or because it needs such a stage.
 *
 * @param stage the stage's name
 * @param reason why, in the user's words
 */
public record SkippedStage(String stage, String reason) {}
