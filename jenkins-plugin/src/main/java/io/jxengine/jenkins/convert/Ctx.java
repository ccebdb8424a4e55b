package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import org.codehaus.groovy.ast.ASTNode;

/**
 * The state of one conversion: the file's display name and the diagnostics collected so far.
 * Not thread-safe: one per {@link JenkinsfileConverter#convert} call.
 */
final class Ctx {
  final String file;
  final Diagnostics diags = new Diagnostics();

  Ctx(String file) {
    this.file = file;
  }

  Pos pos(ASTNode node) {
    return node == null || node.getLineNumber() < 1
        ? Pos.fileStart(file)
        : Pos.of(file, node.getLineNumber(), Math.max(1, node.getColumnNumber()));
  }

  void report(Code code, ASTNode at, Object... args) {
    diags.report(code, pos(at), "", args);
  }

  void reportWithHint(Code code, ASTNode at, String hint, Object... args) {
    diags.reportWithHint(code, pos(at), "", hint, args);
  }
}
