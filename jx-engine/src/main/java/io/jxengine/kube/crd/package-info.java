/**
 * Activities kept in the cluster: the {@code PipelineActivity} custom resource
 * ({@code pipelineactivities.jx-engine.io/v1}, modelled on Jenkins X's) and its mapping from and
 * to {@link io.jxengine.activity.Activity}. The CRD YAML in {@code charts/jx-engine/crds/} is
 * generated from these classes by fabric8's crd-generator; {@code CrdGenerationTest} fails when
 * the committed file is stale ({@code -Dcrd.update=true} rewrites it).
 */
package io.jxengine.kube.crd;
