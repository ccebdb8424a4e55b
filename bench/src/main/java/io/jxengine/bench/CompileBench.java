package io.jxengine.bench;

import io.jxengine.catalog.Catalog;
import io.jxengine.compile.tekton.CompileResult;
import io.jxengine.compile.tekton.KubeYaml;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Compile time of pipelines of 10, 100 and 500 stages to a Tekton PipelineRun on a warm JVM
 * (median of {@code rounds} after as many warm-up rounds), and the size of the 500-stage
 * PipelineRun as the API server receives it (JSON) against etcd's 1.5 MiB request limit.
 * Usage: {@code CompileBench [rounds]}.
 */
public final class CompileBench {
  private static final int ETCD_LIMIT = 1_572_864;
  /** CPU time of this thread: on a shared, loaded machine wall time mostly measures the others. */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
    RunContext ctx =
        new RunContext("acme", "web-app", "main", null, "push", "https://github.com/acme/web-app.git",
            "0123456789abcdef0123456789abcdef01234567", "a commit", "dev", null, null, null, null,
            "1.0.0", "postsubmit", null);
    PipelineLoader loader = new PipelineLoader(Catalog.load(List.of(), new Diagnostics()));
    TektonCompiler compiler = new TektonCompiler();
    TektonOptions opts = TektonOptions.defaults();
    int[] sizes = {10, 100, 500};
    Pipeline[] pipelines = new Pipeline[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      LoadResult r = loader.loadString(pipeline(sizes[k]), "pipeline.yaml", "release");
      if (r.hasErrors()) {
        throw new IllegalStateException(r.diagnostics().toString());
      }
      pipelines[k] = r.effective();
    }
    // warm the JIT on every size for ~3 s before measuring anything
    long until = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < until) {
      for (Pipeline p : pipelines) {
        KubeYaml.json(compiler.compile(p, ctx, 1, opts).run());
      }
    }
    System.out.println("compile benchmark (Tekton PipelineRun), medians of " + rounds + " rounds on a warm JVM:");
    for (int k = 0; k < sizes.length; k++) {
      int n = sizes[k];
      Pipeline p = pipelines[k];
      long[] compile = new long[rounds];
      long[] serialise = new long[rounds];
      long[] cpu = new long[rounds];
      CompileResult last = null;
      for (int i = -5; i < rounds; i++) { // negative i: warm-up
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        last = compiler.compile(p, ctx, 1, opts);
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        String json = KubeYaml.json(last.run());
        long t2 = System.nanoTime();
        if (i >= 0) {
          compile[i] = t1 - t0;
          cpu[i] = c1 - c0;
          serialise[i] = t2 - t1;
        }
        if (json.isEmpty()) {
          throw new IllegalStateException();
        }
      }
      int jsonBytes = KubeYaml.json(last.run()).getBytes(StandardCharsets.UTF_8).length;
      int yamlBytes = KubeYaml.yaml(last.run()).getBytes(StandardCharsets.UTF_8).length;
      System.out.printf(
          "  %3d stages: compile %6.2f ms wall (min %6.2f, CPU %6.2f), to JSON %6.2f ms (%6.2f); size JSON %,9d bytes (%.1f%% of 1.5 MiB), YAML %,9d bytes%n",
          n, median(compile) / 1e6, min(compile) / 1e6, median(cpu) / 1e6, median(serialise) / 1e6, min(serialise) / 1e6,
          jsonBytes, 100.0 * jsonBytes / ETCD_LIMIT, yamlBytes);
    }
  }

  /** {@code n} stages in a chain, two steps each, pipeline env and a secret. */
  static String pipeline(int n) {
    StringBuilder sb =
        new StringBuilder(
            "env:\n  GOFLAGS: -mod=vendor\nsecrets:\n  - env: TOKEN\n    secret: ci\n    key: token\nstages:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - name: stage-").append(i).append("\n    steps:\n")
          .append("      - name: build\n        run: make build-").append(i).append('\n')
          .append("      - name: test\n        run: make test-").append(i).append('\n');
    }
    return sb.toString();
  }

  private static double min(long[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
