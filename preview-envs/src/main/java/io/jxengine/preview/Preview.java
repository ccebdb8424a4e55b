package io.jxengine.preview;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One pull-request preview environment ({@code previews.jx-engine.io/v1}), kept in the engine's
 * namespace, named like its namespace. It records everything cleanup needs (repository, pull
 * request, namespace, owner labels, the command that destroys it), so garbage collection after a
 * close that happened while the engine was down needs nothing else.
 *
 * <p>No status subresource: the engine writes the whole resource at every push. The CRD in
 * {@code charts/jx-engine/crds/} is generated from these classes ({@code PreviewCrdTest};
 * {@code -Dcrd.update=true} rewrites it).
 */
@Group(Preview.GROUP)
@Version(Preview.VERSION)
@Singular("preview")
@Plural(Preview.PLURAL)
@ShortNames("jxpreview")
public class Preview extends CustomResource<PreviewSpec, Void> implements Namespaced {
  public static final String GROUP = "jx-engine.io";
  public static final String VERSION = "v1";
  public static final String PLURAL = "previews";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  @Override
  protected PreviewSpec initSpec() {
    return new PreviewSpec();
  }

}
