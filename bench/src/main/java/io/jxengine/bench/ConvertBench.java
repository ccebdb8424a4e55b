package io.jxengine.bench;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import io.jxengine.jenkins.convert.ConvertResult;
import io.jxengine.jenkins.convert.ConvertedYaml;
import io.jxengine.jenkins.convert.JenkinsfileConverter;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Jenkinsfile conversion time on a warm JVM against the native parser on the same pipeline:
 * the 354-line declarative Jenkinsfile of a Maven service (a golden test case) is converted
 * ({@code JenkinsfileConverter.convert}: Groovy parse to the AST, walk into the model), and the
 * {@code .jx/pipeline.yaml} it converts to is parsed with {@link PipelineParser} (the baseline)
 * and loaded with {@link PipelineLoader} (parse, catalog, lint). Medians of {@code rounds} after
 * a warm-up, CPU time of the measuring thread beside wall time (the machine is shared).
 * Usage: {@code ConvertBench [rounds] [Jenkinsfile]}.
 */
public final class ConvertBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 51;
    Path file = Path.of(args.length > 1 ? args[1]
        : "jenkins-plugin/src/test/resources/convert/long-maven-service/Jenkinsfile");
    String jenkinsfile = Files.readString(file, StandardCharsets.UTF_8);
    JenkinsfileConverter converter = new JenkinsfileConverter();
    ConvertResult converted = converter.convert(jenkinsfile, "Jenkinsfile");
    if (converted.hasErrors()) {
      throw new IllegalStateException(converted.diagnostics().toString());
    }
    String yaml = ConvertedYaml.yaml(converted, "Jenkinsfile");
    PipelineParser parser = new PipelineParser();
    PipelineLoader loader = new PipelineLoader(Catalog.load(List.of(), new Diagnostics()));

    long until = System.nanoTime() + 5_000_000_000L; // warm the JIT on all three for ~5 s
    while (System.nanoTime() < until) {
      converter.convert(jenkinsfile, "Jenkinsfile");
      parser.parse(yaml, ".jx/pipeline.yaml", "default");
      loader.loadString(yaml, ".jx/pipeline.yaml", "default");
    }
    long[][] convert = measure(rounds, () -> converter.convert(jenkinsfile, "Jenkinsfile"));
    long[][] parse = measure(rounds, () -> parser.parse(yaml, ".jx/pipeline.yaml", "default"));
    long[][] load = measure(rounds, () -> loader.loadString(yaml, ".jx/pipeline.yaml", "default"));
    String plain = plainCalls(80);
    long[][] simple = measure(rounds, () -> converter.convert(plain, "Jenkinsfile"));

    System.out.printf("conversion benchmark, medians of %d rounds on a warm JVM (wall / CPU of the thread):%n", rounds);
    System.out.printf("  Jenkinsfile: %d lines, %,d bytes, %d stages; its .jx/pipeline.yaml: %d lines, %,d bytes%n",
        jenkinsfile.lines().count(), jenkinsfile.getBytes(StandardCharsets.UTF_8).length,
        converted.pipeline().stages().size(), yaml.lines().count(), yaml.getBytes(StandardCharsets.UTF_8).length);
    print("convert the Jenkinsfile", convert);
    print("baseline: parse the .jx/pipeline.yaml", parse);
    print("parse + lint the .jx/pipeline.yaml", load);
    print("convert " + plain.lines().count() + " lines of parenthesised calls", simple);
    System.out.printf("  ratio convert / native parse: %.2fx wall, %.2fx CPU%n",
        (double) median(convert[0]) / median(parse[0]), (double) median(convert[1]) / median(parse[1]));
  }

  /**
   * {@code n} stages whose steps are calls with parentheses: Groovy's parser predicts these in
   * its fast (SLL) mode, unlike command expressions with named arguments ({@code sh label: 'a',
   * script: 'b'}), which fall back to full-context prediction and dominate the long file's time.
   */
  static String plainCalls(int n) {
    StringBuilder b = new StringBuilder("pipeline {\n  agent any\n  stages {\n");
    for (int i = 0; i < n; i++) {
      b.append("    stage('s").append(i).append("') {\n      steps {\n        sh('make t").append(i)
          .append("')\n      }\n    }\n");
    }
    return b.append("  }\n}\n").toString();
  }

  private static long[][] measure(int rounds, Runnable r) {
    long[] wall = new long[rounds];
    long[] cpu = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      r.run();
      wall[i] = System.nanoTime() - t0;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
    }
    return new long[][] {wall, cpu};
  }

  private static void print(String what, long[][] m) {
    System.out.printf("  %-40s %7.2f ms wall (min %6.2f), %7.2f ms CPU%n",
        what, median(m[0]) / 1e6, Arrays.stream(m[0]).min().orElse(0) / 1e6, median(m[1]) / 1e6);
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
