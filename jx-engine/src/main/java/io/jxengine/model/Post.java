package io.jxengine.model;

import java.util.List;

/** Steps run after a stage or the pipeline: {@code always}, on {@code success}, on {@code failure}. */
public record Post(List<Step> always, List<Step> success, List<Step> failure, Pos pos) {
  public static final Post NONE = new Post(List.of(), List.of(), List.of(), Pos.UNKNOWN);

  public Post {
    always = List.copyOf(always);
    success = List.copyOf(success);
    failure = List.copyOf(failure);
  }

  public boolean isEmpty() {
    return always.isEmpty() && success.isEmpty() && failure.isEmpty();
  }
}
