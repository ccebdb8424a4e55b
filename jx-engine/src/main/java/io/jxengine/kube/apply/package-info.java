/**
 * Deploying a Helm chart to a cluster the way jx-engine does it everywhere (previews, GitOps
 * environments): {@link io.jxengine.kube.apply.ChartRenderer} renders the chart with helm-java
 * ({@code helm template}, no Tiller, no release secret), {@link io.jxengine.kube.apply.Manifests}
 * parses the multi-document output, {@link io.jxengine.kube.apply.ResourceApplier} applies every
 * object with server-side apply under the field manager {@code jx-engine}, labels it with an
 * {@link io.jxengine.kube.apply.OwnerLabels} set and prunes what that set no longer renders, and
 * {@link io.jxengine.kube.apply.RolloutWaiter} waits for Deployments and StatefulSets to be ready.
 * {@link io.jxengine.kube.apply.ChartRepository} fetches (digest-checked, size-capped, cached)
 * charts from Helm chart repositories over HTTP(S).
 * {@link io.jxengine.kube.apply.KubeClients} says whether a cluster is configured at all.
 */
package io.jxengine.kube.apply;
