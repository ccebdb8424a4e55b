package io.jxengine.kube.apply;

import java.util.List;

/**
 * What one {@link ResourceApplier#apply} did.
 *
 * @param applied the objects as the API server returned them after apply, in rendering order
 * @param pruned objects of the owner set that were no longer rendered and were deleted
 */
public record ApplyResult(List<io.fabric8.kubernetes.api.model.HasMetadata> applied,
    List<ObjectRef> pruned) {
  public ApplyResult {
    applied = List.copyOf(applied);
    pruned = List.copyOf(pruned);
  }
}
