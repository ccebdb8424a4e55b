package io.jxengine.testreport;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;

/**
 * A test report that cannot be used: not well-formed XML, too large, outside the workspace, or
 * missing. Carries the diagnostic code and where (the report file's line and column for XML
 * errors), so the step prints a diagnostic rather than a stack trace.
 */
public final class ReportException extends Exception {
  private final Code code;
  private final Pos pos;
  private final transient Object[] args;

  public ReportException(Code code, Pos pos, Object... args) {
    super(code.id() + " at " + pos);
    this.code = code;
    this.pos = pos;
    this.args = args.clone();
  }

  public Code code() {
    return code;
  }

  public Pos pos() {
    return pos;
  }

  public Object[] args() {
    return args.clone();
  }
}
