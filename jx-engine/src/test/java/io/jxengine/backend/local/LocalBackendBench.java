package io.jxengine.backend.local;

import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A quick measurement, not a test: per-step cost of the local backend for N steps of
 * {@code true}, next to the JVM spawning the same {@code setsid /bin/sh -e} processes bare.
 * Run: {@code java -cp target/classes:target/test-classes io.jxengine.backend.local.LocalBackendBench 200}.
 */
public final class LocalBackendBench {
  private LocalBackendBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<PlanStep> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      steps.add(new PlanStep("s" + i, "true", null, null, Map.of("A", "b"), null, 0));
    }
    Plan plan = new Plan("bench", List.of(new PlanStage("a", List.of(), null, null, List.of(),
        steps, List.of(), List.of(), List.of())), List.of(), null, null, 4);
    Path ws = Files.createTempDirectory("jxe-bench-ws");
    Path script = Files.writeString(ws.resolve("t.sh"), "true\n");
    LocalBackend backend = new LocalBackend(Files.createTempDirectory("jxe-bench-scripts"));
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      backend.run(plan, ws, Map.of(), RunListener.NONE, new CancelSignal());
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        new ProcessBuilder("/usr/bin/setsid", "/bin/sh", "-e", script.toString())
            .redirectErrorStream(true).start().waitFor();
      }
      long t2 = System.nanoTime();
      System.out.printf("backend %.2f ms/step, bare spawn %.2f ms/step%n",
          (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);
    }
  }
}
