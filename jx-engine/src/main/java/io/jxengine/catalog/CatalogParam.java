package io.jxengine.catalog;

import io.jxengine.model.Pos;

/**
 * A parameter of a catalog entry. It reaches the entry's steps as the environment variable
 * {@code PARAM_<NAME>}, never spliced into a script.
 *
 * @param defaultValue the value when {@code with:} does not set it; null when it is required
 * @param pos where the parameter is declared in the catalog file
 */
public record CatalogParam(String name, String description, String defaultValue, Pos pos) {
  public boolean required() {
    return defaultValue == null;
  }

  /** {@code PARAM_} and the name in upper case with {@code -} as {@code _}. */
  public String envName() {
    return envName(name);
  }

  public static String envName(String param) {
    return "PARAM_" + param.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }
}
