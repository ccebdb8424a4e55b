package io.jxengine.server.repos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The change counter of the {@code repositories} table (migration V7: triggers bump it on every
 * insert, update and delete, whichever process makes them).
 */
public final class RepositoriesVersion {
  private static final String SQL = "SELECT version FROM repositories_version WHERE id = 1";

  private RepositoriesVersion() {}

  /** Reads it on {@code c}, inside whatever transaction the caller has open. */
  public static long read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SQL);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("repositories_version has no row (a damaged store?)");
      }
      return rs.getLong(1);
    }
  }
}
