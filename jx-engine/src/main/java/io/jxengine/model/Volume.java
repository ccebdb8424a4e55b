package io.jxengine.model;

/**
 * A volume a step mounts at {@code path}: exactly one of {@code secret} (a Kubernetes Secret's
 * keys as files, read-only) or {@code hostPath} (a directory of the node; always refused by the
 * cluster compilers, which follow a platform's pod-security baseline).
 *
 * @param secret the Secret's name, or null
 * @param hostPath the node's directory, or null
 * @param path the absolute mount path inside the step's container
 */
public record Volume(String secret, String hostPath, String path, Pos pos) {}
