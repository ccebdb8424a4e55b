package io.jxengine.model;

import java.util.Map;

/** A reference to a reusable catalog step or stage with its {@code with:} parameters. */
public record Uses(String ref, Map<String, String> with, Pos pos, Map<String, Pos> withPos) {
  public Uses {
    with = Map.copyOf(with);
    withPos = Map.copyOf(withPos);
  }
}
