package io.jxengine.gitops;

import java.time.Instant;

/** A version of an application applied to an environment (the last apply wins). */
public record Deployment(String app, String environment, String version, String commitSha, Instant applied) {}
