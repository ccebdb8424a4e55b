package io.jxengine.store;

import java.nio.file.Path;

/**
 * A second process for {@link SqliteActivityStoreConcurrencyIT}: creates activities on one
 * pipeline and prints their build numbers, one a line.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      for (int i = 0; i < count; i++) {
        System.out.println(store.create(Activities.of("acme", "api", "main")).build());
      }
    }
  }
}
