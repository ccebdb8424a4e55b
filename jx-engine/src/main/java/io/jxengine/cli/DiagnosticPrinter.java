package io.jxengine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Severity;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints diagnostics as compiler-style lines (with hints) or as JSON. */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void text(List<Diagnostic> diags, PrintWriter out) {
    for (Diagnostic d : diags) {
      out.println(d.format());
      if (!d.hint().isEmpty()) {
        out.println("  hint: " + d.hint());
      }
    }
  }

  static void summary(List<Diagnostic> diags, PrintWriter err) {
    long errors = diags.stream().filter(Diagnostic::isError).count();
    long warnings = diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
    if (errors + warnings > 0) {
      err.println(plural(errors, "error") + ", " + plural(warnings, "warning"));
    }
  }

  static void json(List<Diagnostic> diags, PrintWriter out) {
    List<Map<String, Object>> items =
        diags.stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("file", d.pos().file());
                  m.put("line", d.pos().line());
                  m.put("column", d.pos().column());
                  m.put("severity", d.severity().label());
                  m.put("code", d.code().id());
                  m.put("field", d.field());
                  m.put("message", d.message());
                  m.put("hint", d.hint());
                  return m;
                })
            .toList();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("errors", diags.stream().filter(Diagnostic::isError).count());
    doc.put("warnings", diags.stream().filter(d -> d.severity() == Severity.WARNING).count());
    doc.put("diagnostics", items);
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
