package io.jxengine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Conversions between Java values and the store's columns (times are epoch milliseconds). */
final class Sql {
  private Sql() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * The enum constant named in the column. A name this build does not know (a file written by a
   * newer jx-engine) is a store failure, reported like any other, not an escaping
   * IllegalArgumentException.
   */
  static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column)
      throws SQLException {
    String name = rs.getString(column);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SQLException(
          "unknown " + type.getSimpleName() + " '" + name + "' in column " + column, e);
    }
  }

  /** Binds values in order; null binds SQL NULL, an Instant binds its epoch milliseconds. */
  static void bind(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof Instant instant) {
        ps.setLong(i + 1, instant.toEpochMilli());
      } else if (value instanceof Enum<?> e) {
        ps.setString(i + 1, e.name());
      } else if (value instanceof Boolean b) {
        ps.setInt(i + 1, b ? 1 : 0);
      } else if (value == null) {
        ps.setNull(i + 1, Types.NULL);
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }
}
