package io.jxengine.diag;

import io.jxengine.model.Pos;
import java.util.Comparator;

/**
 * One finding about a user's file: where it is, how bad it is, a stable code, a message and, where
 * it helps, a hint. A user's mistake is data, never an exception that reaches the user.
 *
 * @param severity how bad it is
 * @param code the stable code (see {@link Code})
 * @param pos file, line and column
 * @param field the field path in the document, such as {@code stages[0].steps[1].run}; may be empty
 * @param message the English message, already formatted
 * @param hint an optional suggestion, empty when there is none
 */
public record Diagnostic(
    Severity severity, Code code, Pos pos, String field, String message, String hint) {

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.pos().file())
          .thenComparingInt(d -> d.pos().line())
          .thenComparingInt(d -> d.pos().column())
          .thenComparing(d -> d.code().id());

  public Diagnostic {
    field = field == null ? "" : field;
    hint = hint == null ? "" : hint;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Compiler-style line: {@code path:line:col: error[JX101]: message}. */
  public String format() {
    return pos + ": " + severity.label() + "[" + code.id() + "]: " + message;
  }
}
