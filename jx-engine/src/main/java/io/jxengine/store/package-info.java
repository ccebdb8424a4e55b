/**
 * The embedded activity store: {@link io.jxengine.store.SqliteActivityStore}, one SQLite file
 * (WAL mode) shared by every {@code jxe} process on a machine, with its schema in Flyway
 * migrations under {@code db/migration} and crash recovery for runs whose engine died.
 */
package io.jxengine.store;
