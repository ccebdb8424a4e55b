package io.jxengine.gitops;

import io.jxengine.model.Pos;
import java.util.Map;

/**
 * One application of an environment, from {@code apps/<name>.yaml}: a Helm chart at a version,
 * or plain manifests kept in {@code apps/<name>/manifests/}.
 *
 * @param chart the chart's name in {@code repository}, or a path inside the environment
 *     repository; null for manifests
 * @param repository the chart repository URL, or null
 * @param values values for {@code helm template}; empty when none
 * @param versionPos where the {@code version:} value is written, so a promotion edits only it
 */
public record AppSpec(
    String name,
    String chart,
    String repository,
    String version,
    boolean manifests,
    Map<String, Object> values,
    Pos versionPos) {
  public AppSpec {
    values = values == null ? Map.of() : Map.copyOf(values);
  }
}
