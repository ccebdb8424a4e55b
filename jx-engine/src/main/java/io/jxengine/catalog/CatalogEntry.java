package io.jxengine.catalog;

import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import java.nio.file.Path;
import java.util.List;

/**
 * A reusable step or stage from a catalog directory.
 *
 * @param kind {@code Step} or {@code Stage}
 * @param step the step (kind Step), null otherwise
 * @param stage the stage (kind Stage), null otherwise; its name is the entry's name
 * @param file the YAML file it was read from
 */
public record CatalogEntry(
    String kind,
    String name,
    String description,
    List<CatalogParam> params,
    Step step,
    Stage stage,
    Path file) {
  public static final String STEP = "Step";
  public static final String STAGE = "Stage";

  public CatalogEntry {
    params = List.copyOf(params);
  }

  public boolean isStep() {
    return STEP.equals(kind);
  }
}
