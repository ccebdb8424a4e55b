package io.jxengine.lint;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.NameRef;
import io.jxengine.model.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code needs:} graph of one list of stages: every entry names a stage of the list
 * (JX203) and there is no cycle (JX204, reported once per back edge, at the {@code needs}
 * entry that closes it, naming the whole cycle {@code a → b → a}).
 */
final class NeedsCheck {
  private enum Color { WHITE, GRAY, BLACK }

  private final List<Stage> stages;
  private final String field;
  private final Diagnostics diags;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Color> color = new HashMap<>();
  private final List<String> path = new ArrayList<>();

  NeedsCheck(List<Stage> stages, String field, Diagnostics diags) {
    this.stages = stages;
    this.field = field;
    this.diags = diags;
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name() != null) {
        index.putIfAbsent(stages.get(i).name(), i);
      }
    }
  }

  void run() {
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (s.needs() == null) {
        continue;
      }
      for (int k = 0; k < s.needs().size(); k++) {
        NameRef ref = s.needs().get(k);
        if (!index.containsKey(ref.name())) {
          diags.report(Code.UNKNOWN_NEEDS, ref.pos(), needsField(i, k), s.name(), ref.name());
        }
      }
    }
    for (String name : index.keySet().stream().sorted((a, b) -> index.get(a) - index.get(b)).toList()) {
      if (color.getOrDefault(name, Color.WHITE) == Color.WHITE) {
        visit(name);
      }
    }
  }

  private void visit(String name) {
    color.put(name, Color.GRAY);
    path.add(name);
    int i = index.get(name);
    List<NameRef> needs = stages.get(i).needs();
    for (int k = 0; needs != null && k < needs.size(); k++) {
      String next = needs.get(k).name();
      if (!index.containsKey(next)) {
        continue;
      }
      Color c = color.getOrDefault(next, Color.WHITE);
      if (c == Color.GRAY) {
        // the path from `next` to here, back to `next`: "a needs b" is drawn as a → b
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
        cycle.add(next);
        diags.report(Code.DEPENDENCY_CYCLE, needs.get(k).pos(), needsField(i, k), String.join(" → ", cycle));
      } else if (c == Color.WHITE) {
        visit(next);
      }
    }
    path.remove(path.size() - 1);
    color.put(name, Color.BLACK);
  }

  private String needsField(int stage, int entry) {
    return field + "[" + stage + "].needs[" + entry + "]";
  }
}
