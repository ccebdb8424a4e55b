package io.jxengine.bench;

import io.jxengine.testreport.JunitXml;
import io.jxengine.testreport.TestReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML parsing of {@code jxe step junit} on a warm JVM: a Surefire-style report of
 * {@code cases} test cases (1 in 50 failing with a 40-line stack trace) parsed with {@link
 * JunitXml} (hardened StAX, counts, capped failed cases), against two baselines on the same bytes:
 * a bare JDK StAX pass that visits the events and reads each case's three attributes (the floor
 * any streaming counter pays), and a
 * JDK DOM parse (what reading the report into a tree would cost). Medians of {@code rounds}, wall
 * and CPU time of the thread (the machine is shared). Usage: {@code JunitBench [cases] [rounds]}.
 */
public final class JunitBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    byte[] xml = report(cases);
    TestReport check = JunitXml.parse(xml, "TEST-bench.xml");
    if (check.totals().tests() != cases) {
      throw new IllegalStateException("parsed " + check.totals().tests() + " cases");
    }
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      JunitXml.parse(xml, "TEST-bench.xml");
      stax(xml);
      dom(xml);
    }
    long[][] ours = measure(rounds, () -> JunitXml.parse(xml, "TEST-bench.xml"));
    long[][] bare = measure(rounds, () -> stax(xml));
    long[][] tree = measure(rounds, () -> dom(xml));
    System.out.printf("junit report benchmark, medians of %d rounds on a warm JVM (wall / CPU of the thread):%n", rounds);
    System.out.printf("  report: %,d test cases, %,d failing, %,d bytes%n", cases, check.totals().failures(), xml.length);
    print("jxe step junit parser (JunitXml)", ours);
    print("baseline: bare JDK StAX pass + attributes", bare);
    print("baseline: JDK DOM parse", tree);
    System.out.printf("  ratio JunitXml / bare StAX: %.2fx wall, %.2fx CPU; JunitXml / DOM: %.2fx wall%n",
        (double) median(ours[0]) / median(bare[0]), (double) median(ours[1]) / median(bare[1]),
        (double) median(ours[0]) / median(tree[0]));
    System.out.printf("  throughput: %.0f MB/s, %.0f test cases/ms%n",
        xml.length / 1e6 / (median(ours[0]) / 1e9), cases / (median(ours[0]) / 1e6));
  }

  static byte[] report(int cases) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"com.acme.BigTest\" tests=\"")
        .append(cases).append("\">\n");
    for (int i = 0; i < cases; i++) {
      b.append("  <testcase name=\"case").append(i).append("\" classname=\"com.acme.BigTest").append(i % 97)
          .append("\" time=\"0.0").append(i % 10).append("\"");
      if (i % 50 == 0) {
        b.append(">\n    <failure message=\"expected: &lt;1&gt; but was: &lt;2&gt;\" type=\"AssertionFailedError\"><![CDATA[");
        for (int l = 0; l < 40; l++) {
          b.append("\tat com.acme.Frame").append(l).append(".call(Frame").append(l).append(".java:").append(l + 1).append(")\n");
        }
        b.append("]]></failure>\n    <system-out><![CDATA[some output\n]]></system-out>\n  </testcase>\n");
      } else {
        b.append("/>\n");
      }
    }
    return b.append("</testsuite>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static int stax(byte[] xml) throws Exception {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
    int n = 0;
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("testcase")) {
        // the least a counter must read: each case's name, class and time
        n += r.getAttributeValue(null, "name").length() + r.getAttributeValue(null, "classname").length()
            + r.getAttributeValue(null, "time").length();
      }
    }
    return n;
  }

  private static Object dom(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  interface Task {
    Object run() throws Exception;
  }

  static long[][] measure(int rounds, Task task) throws Exception {
    long[] wall = new long[rounds];
    long[] cpu = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      task.run();
      wall[i] = System.nanoTime() - t0;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
    }
    return new long[][] {wall, cpu};
  }

  static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void print(String what, long[][] m) {
    System.out.printf("  %-40s %8.2f ms wall %8.2f ms CPU%n", what, median(m[0]) / 1e6, median(m[1]) / 1e6);
  }
}
