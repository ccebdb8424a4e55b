package io.jxengine.gitops;

/**
 * The settings of an environment as its repository's {@code env.yaml} states them.
 *
 * @param cluster the kubeconfig context of the target cluster; empty for the current one
 */
public record EnvSettings(
    String name, String namespace, PromotionStrategy strategy, String cluster) {}
