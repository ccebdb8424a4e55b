package io.jxengine.testreport;

/**
 * One test case that did not pass, capped to what a person reads on a run page.
 *
 * @param suite the case's class name ({@code classname}), else its suite's name
 * @param name the case's name
 * @param kind {@code failure} or {@code error}
 * @param message the {@code message} attribute, else the first line of the text; may be empty
 * @param trace the first lines of the stack trace (at most {@link TestReport#TRACE_LINES}); may be empty
 */
public record FailedCase(String suite, String name, String kind, String message, String trace) {
  public static final String FAILURE = "failure";
  public static final String ERROR = "error";

  public FailedCase {
    suite = suite == null ? "" : suite;
    name = name == null ? "" : name;
    message = message == null ? "" : message;
    trace = trace == null ? "" : trace;
  }
}
