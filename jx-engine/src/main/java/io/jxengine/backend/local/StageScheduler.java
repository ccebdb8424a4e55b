package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.PlanStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the main stages in dependency order on a pool of {@code concurrency} threads. A stage starts
 * once every stage it depends on has ended; if one of them did not succeed (failed, timed out,
 * aborted, or was itself NotExecuted — including skipped by {@code when:}) the stage is
 * NotExecuted and the message names that dependency. The calling thread coordinates; it blocks
 * until every stage has a terminal status. One instance per run.
 */
final class StageScheduler {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final List<PlanStage> stages;
  private final int concurrency;
  private final StageRunner runner;
  private final RunListener listener;

  StageScheduler(List<PlanStage> stages, int concurrency, StageRunner runner,
      RunListener listener) {
    this.stages = stages;
    this.concurrency = Math.max(1, concurrency);
    this.runner = runner;
    this.listener = listener;
  }

  private record Done(String stage, Status status) {}

  /** Runs every stage; returns each stage's final status in plan order. */
  Map<String, Status> run() throws InterruptedException {
    Map<String, Status> done = new LinkedHashMap<>();
    if (stages.isEmpty()) {
      return done;
    }
    List<String> names = stages.stream().map(PlanStage::name).toList();
    List<PlanStage> waiting = new ArrayList<>(stages);
    BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
    int pool = POOLS.incrementAndGet();
    ExecutorService workers = Executors.newFixedThreadPool(
        Math.min(concurrency, stages.size()),
        r -> daemon(r, "jxe-stage-" + pool));
    int running = 0;
    try {
      while (true) {
        boolean progress = true;
        while (progress) {
          progress = false;
          for (var it = waiting.iterator(); it.hasNext(); ) {
            PlanStage stage = it.next();
            String blocker = blocker(stage, names, done);
            if (blocker == null && !allDone(stage, done)) {
              continue;
            }
            it.remove();
            progress = true;
            if (blocker != null) {
              listener.stage(stage.name(), Status.NotExecuted, "not executed: " + blocker);
              done.put(stage.name(), Status.NotExecuted);
            } else {
              running++;
              workers.execute(() -> {
                Status status = Status.Error;
                try {
                  status = runSafely(stage);
                } finally {
                  finished.add(new Done(stage.name(), status)); // never leave the loop waiting
                }
              });
            }
          }
        }
        if (running == 0) {
          break;
        }
        Done d = finished.take();
        running--;
        done.put(d.stage(), d.status());
      }
      for (PlanStage stage : waiting) {
        listener.stage(stage.name(), Status.NotExecuted, "not executed: dependency cycle");
        done.put(stage.name(), Status.NotExecuted);
      }
    } finally {
      workers.shutdown();
    }
    Map<String, Status> ordered = new LinkedHashMap<>();
    names.forEach(n -> ordered.put(n, done.get(n)));
    return ordered;
  }

  private Status runSafely(PlanStage stage) {
    try {
      return runner.run(stage, true);
    } catch (RuntimeException e) {
      listener.stage(stage.name(), Status.Error, "engine error: " + e);
      return Status.Error;
    }
  }

  private static boolean allDone(PlanStage stage, Map<String, Status> done) {
    return stage.dependsOn().stream().allMatch(done::containsKey);
  }

  /** Why a dependency stops the stage, or null (also null while dependencies still run). */
  private static String blocker(PlanStage stage, List<String> names, Map<String, Status> done) {
    for (String dep : stage.dependsOn()) {
      if (!names.contains(dep)) {
        return "dependency `" + dep + "` does not exist";
      }
      Status s = done.get(dep);
      if (s != null && s != Status.Succeeded) {
        return "dependency `" + dep + "` " + switch (s) {
          case NotExecuted -> "was not executed";
          case TimedOut -> "timed out";
          case Aborted -> "was aborted";
          default -> "failed";
        };
      }
    }
    return null;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
