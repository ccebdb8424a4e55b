package io.jxengine.activity;

/** Kinds of activity steps, as in PipelineActivity: a stage holds steps. */
public enum StepKind {
  Stage,
  Step,
  Preview,
  Promote
}
