package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import java.util.Optional;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Parses a Jenkinsfile into Groovy's syntax tree, and no further. A {@link SourceUnit} alone is
 * used rather than a CompilationUnit so that no AST transformation (such as {@code @Grab}, which
 * runs in the conversion phase of a compilation unit) sees user code: nothing is resolved,
 * loaded, downloaded or executed. Stateless and thread-safe.
 */
final class GroovySource {
  /** Larger files are refused before parsing (the native format's limit, too). */
  static final int MAX_BYTES = 1 << 20;
  /**
   * Deeper bracket nesting is refused before parsing: Groovy's parser slows down sharply on
   * it (minutes for thousands of levels), and no real Jenkinsfile comes close.
   */
  static final int MAX_DEPTH = 128;

  private GroovySource() {}

  static Optional<ModuleNode> parse(String text, Ctx ctx) {
    int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      ctx.diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(ctx.file), "", bytes, MAX_BYTES);
      return Optional.empty();
    }
    Pos tooDeep = tooDeep(text, ctx.file);
    if (tooDeep != null) {
      ctx.diags.report(Code.GROOVY_SYNTAX, tooDeep, "", "brackets nested deeper than " + MAX_DEPTH + " levels");
      return Optional.empty();
    }
    CompilerConfiguration config = new CompilerConfiguration();
    config.setTolerance(10);
    SourceUnit unit = new SourceUnit(ctx.file, text, config, null, new ErrorCollector(config));
    try {
      unit.parse();
      unit.completePhase();
      unit.nextPhase();
      unit.convert();
      return Optional.ofNullable(unit.getAST());
    } catch (CompilationFailedException e) {
      reportErrors(unit.getErrorCollector(), ctx);
      return Optional.empty();
    } catch (StackOverflowError e) {
      // pathologically deep nesting: a user's file, not an engine fault
      ctx.diags.report(Code.GROOVY_SYNTAX, Pos.fileStart(ctx.file), "", "nested too deeply");
      return Optional.empty();
    }
  }

  /** Where the nesting of {@code ( [ { } ] )} first passes {@link #MAX_DEPTH}, or null. */
  private static Pos tooDeep(String text, String file) {
    int depth = 0;
    int line = 1;
    int col = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      col++;
      if (c == '\n') {
        line++;
        col = 0;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          return Pos.of(file, line, col);
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return null;
  }

  private static void reportErrors(ErrorCollector errors, Ctx ctx) {
    boolean any = false;
    for (Message m : errors.getErrors() == null ? java.util.List.<Message>of() : errors.getErrors()) {
      if (m instanceof SyntaxErrorMessage sm) {
        SyntaxException se = sm.getCause();
        ctx.diags.report(
            Code.GROOVY_SYNTAX,
            Pos.of(ctx.file, Math.max(1, se.getLine()), Math.max(1, se.getStartColumn())),
            "",
            firstLine(se.getOriginalMessage()));
        any = true;
      }
    }
    if (!any) {
      ctx.diags.report(Code.GROOVY_SYNTAX, Pos.fileStart(ctx.file), "", "cannot be parsed");
    }
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
