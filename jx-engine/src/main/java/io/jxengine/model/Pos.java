package io.jxengine.model;

/**
 * A position in a user's source file: 1-based line and column. Every model node keeps one so a
 * later stage (linter, compiler, converter) can still point at the line the user wrote.
 *
 * @param file the path as the user gave it (relative where possible)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Pos(String file, int line, int column) {
  public static final Pos UNKNOWN = new Pos("", 0, 0);

  public static Pos of(String file, int line, int column) {
    return new Pos(file, line, column);
  }

  /** The start of a file, for diagnostics about the file as a whole. */
  public static Pos fileStart(String file) {
    return new Pos(file, 1, 1);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
