package io.jxengine.kube.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A top-level entry of an activity (Jenkins X's {@code StageActivityStep}): a stage, preview or
 * promotion with its steps. Two classes rather than one recursive type, because a CRD schema
 * cannot describe recursion and Jenkins X nests only one level.
 */
public class StageActivityStep extends CoreActivityStep {
  private List<CoreActivityStep> steps = new ArrayList<>();

  public List<CoreActivityStep> getSteps() {
    return steps;
  }

  public void setSteps(List<CoreActivityStep> steps) {
    this.steps = steps == null ? new ArrayList<>() : steps;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && Objects.equals(steps, ((StageActivityStep) o).steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), steps);
  }
}
