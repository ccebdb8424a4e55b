package io.jxengine.kube.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One pipeline run kept in the cluster ({@code pipelineactivities.jx-engine.io/v1}), modelled on
 * Jenkins X's {@code PipelineActivity} so that several engine replicas share one truth.
 *
 * <p>Unlike Jenkins X, which keeps everything in {@code spec}, what is known when the run starts
 * (pipeline, git, trigger) is in {@link PipelineActivitySpec} and what changes while it runs
 * (status, times, steps) is in {@link PipelineActivityStatus}, behind the status subresource:
 * a replica that records progress then cannot overwrite the spec by accident.
 *
 * <p>The CRD in {@code charts/jx-engine/crds/} is generated from these classes (see
 * {@code CrdGenerationTest}); change the classes, then regenerate with {@code -Dcrd.update=true}.
 * {@link ActivityResources} maps {@link io.jxengine.activity.Activity} to and from this resource.
 */
@Group(PipelineActivity.GROUP)
@Version(PipelineActivity.VERSION)
@Singular("pipelineactivity")
@Plural("pipelineactivities")
@ShortNames("jxact")
public class PipelineActivity extends CustomResource<PipelineActivitySpec, PipelineActivityStatus>
    implements Namespaced {
  public static final String GROUP = "jx-engine.io";
  public static final String VERSION = "v1";
  public static final String PLURAL = "pipelineactivities";
  /** The CRD's name, {@code <plural>.<group>}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;
}
