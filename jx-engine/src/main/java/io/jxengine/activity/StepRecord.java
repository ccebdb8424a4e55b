package io.jxengine.activity;

import java.time.Instant;

/**
 * One stage or step of an activity, with its own status and times.
 *
 * @param parentId the enclosing stage's id, or null for a stage
 * @param ordinal position among its siblings, from 0
 * @param exitCode the process exit code of the last attempt, or null
 * @param attempts how many times it ran (retries included)
 * @param message why it ended this way (timeout, skipped by when, ...), or empty
 */
public record StepRecord(
    long id,
    long activityId,
    Long parentId,
    StepKind kind,
    String name,
    int ordinal,
    Status status,
    Instant started,
    Instant completed,
    Integer exitCode,
    int attempts,
    String message) {}
