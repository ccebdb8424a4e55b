package io.jxengine.testreport;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one JUnit XML report as Maven Surefire, pytest ({@code --junitxml}), jest-junit, Gradle
 * and most other tools write it: {@code <testsuites>} or a single {@code <testsuite>} (suites may
 * nest), {@code <testcase name classname time>} with {@code <failure>}, {@code <error>} or
 * {@code <skipped>}. Counts come from the cases, not from the suites' attributes, which tools
 * fill in differently.
 *
 * <p>Reports are untrusted (the build writes them), so the parser is a streaming StAX reader of
 * the JDK with everything that reaches outside the document off: a {@code <!DOCTYPE} is refused
 * when it is seen, before any entity could be declared or expanded, external entities and DTDs
 * are not resolved, nesting deeper than {@link #MAX_DEPTH} is refused. Callers cap the size.
 * Stateless and thread-safe; a reader per call.
 */
public final class JunitXml {
  static final int MAX_DEPTH = 64;

  private JunitXml() {}

  /**
   * Parses {@code xml}; {@code file} is what diagnostics show. The report's totals have
   * {@code files == 1}.
   *
   * @throws ReportException {@code JX901} with the line and column of the first XML error
   */
  public static TestReport parse(byte[] xml, String file) throws ReportException {
    XMLStreamReader r = null;
    try {
      r = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
      return new Reading(r, file).read();
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      throw new ReportException(Code.TEST_REPORT_MALFORMED,
          at == null ? Pos.fileStart(file) : Pos.of(file, Math.max(1, at.getLineNumber()), Math.max(1, at.getColumnNumber())),
          why.strip());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing held beyond the byte array
        }
      }
    }
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else (Woodstox) is on the class path.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  /** One pass over one document. */
  private static final class Reading {
    private final XMLStreamReader r;
    private final String file;
    private final Deque<String> suites = new ArrayDeque<>();
    private final List<FailedCase> failed = new ArrayList<>();
    private int depth;
    private int tests;
    private int failures;
    private int errors;
    private int skipped;
    private int leftOut;
    private double seconds;

    Reading(XMLStreamReader r, String file) {
      this.r = r;
      this.file = file;
    }

    TestReport read() throws XMLStreamException, ReportException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw refused("a DOCTYPE (DTD) is not allowed in a test report");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw refused("entity `&" + r.getLocalName() + ";` is not allowed in a test report");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (++depth > MAX_DEPTH) {
            throw refused("elements nested deeper than " + MAX_DEPTH);
          }
          start();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (r.getLocalName().equals("testsuite") && !suites.isEmpty()) {
            suites.pop();
          }
        }
      }
      long millis = Math.round(seconds * 1000);
      return new TestReport(new TestTotals(1, tests, failures, errors, skipped, millis), failed, leftOut);
    }

    private void start() throws XMLStreamException, ReportException {
      switch (r.getLocalName()) {
        case "testsuite" -> suites.push(attr("name"));
        case "testcase" -> testCase();
        default -> { }
      }
    }

    /** Reads a case up to its end tag; what matters inside is its first failure, error or skip. */
    private void testCase() throws XMLStreamException, ReportException {
      tests++;
      String name = attr("name");
      String className = attr("classname");
      seconds += seconds(attr("time"));
      String outcome = null;
      String message = "";
      StringBuilder text = new StringBuilder();
      int caseDepth = depth;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw refused("entities are not allowed in a test report");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (++depth > MAX_DEPTH) {
            throw refused("elements nested deeper than " + MAX_DEPTH);
          }
          String el = r.getLocalName();
          if (outcome == null && depth == caseDepth + 1
              && (el.equals("failure") || el.equals("error") || el.equals("skipped"))) {
            outcome = el;
            message = attr("message");
            text.setLength(0);
          }
        } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
            && depth == caseDepth + 1 && outcome != null && text.length() < TestReport.MAX_TRACE * 2) {
          text.append(r.getText(), 0, Math.min(r.getTextLength(), TestReport.MAX_TRACE * 2));
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == caseDepth) {
            depth--;
            break;
          }
          depth--;
        }
      }
      record(outcome, className.isEmpty() ? suites.peek() : className, name, message, text.toString());
    }

    private void record(String outcome, String suite, String name, String message, String text) {
      if (outcome == null) {
        return;
      }
      switch (outcome) {
        case "skipped" -> skipped++;
        case "failure" -> failures++;
        default -> errors++;
      }
      if (outcome.equals("skipped")) {
        return;
      }
      if (failed.size() >= TestReport.MAX_FAILED_CASES) {
        leftOut++;
        return;
      }
      String trace = text.strip();
      String msg = message.isEmpty() ? trace.lines().findFirst().orElse("") : message;
      failed.add(new FailedCase(TestReport.cap(suite, TestReport.MAX_TEXT), TestReport.cap(name, TestReport.MAX_TEXT),
          outcome, TestReport.cap(msg.strip(), TestReport.MAX_TEXT), TestReport.trace(trace)));
    }

    private String attr(String name) {
      String v = r.getAttributeValue(null, name);
      return v == null ? "" : v;
    }

    private ReportException refused(String why) {
      Location at = r.getLocation();
      return new ReportException(Code.TEST_REPORT_MALFORMED,
          Pos.of(file, Math.max(1, at.getLineNumber()), Math.max(1, at.getColumnNumber())), why);
    }

    /** Seconds as tools write them: {@code 0.012}, {@code 1,234.5} (old Surefire), or nothing. */
    private static double seconds(String value) {
      try {
        double s = Double.parseDouble(value.replace(",", "").strip());
        return Double.isFinite(s) && s > 0 ? s : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
