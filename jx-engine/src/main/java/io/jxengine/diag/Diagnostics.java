package io.jxengine.diag;

import io.jxengine.model.Pos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every diagnostic of a stage instead of stopping at the first. Not thread-safe: one
 * collector per parse or lint.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  /** Reports {@code code} with its bundle message and default hint. */
  public Diagnostic report(Code code, Pos pos, String field, Object... args) {
    return add(
        new Diagnostic(
            code.defaultSeverity(),
            code,
            pos,
            field,
            Messages.message(code, args),
            Messages.hint(code, args)));
  }

  /** Reports {@code code} with its bundle message and an explicit hint (empty for none). */
  public Diagnostic reportWithHint(Code code, Pos pos, String field, String hint, Object... args) {
    return add(
        new Diagnostic(
            code.defaultSeverity(), code, pos, field, Messages.message(code, args), hint));
  }

  public Diagnostic add(Diagnostic d) {
    items.add(d);
    return d;
  }

  public void addAll(Diagnostics other) {
    items.addAll(other.items);
  }

  public void addAll(List<Diagnostic> other) {
    items.addAll(other);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return items.stream().anyMatch(d -> d.severity() == Severity.WARNING);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** All diagnostics, sorted by file, line, column and code. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.ORDER);
    return Collections.unmodifiableList(copy);
  }
}
