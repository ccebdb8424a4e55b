package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code matrix { axes { } excludes { } }} into its cells in Jenkins' order (the first
 * axis varies slowest); a cell matching any {@code exclude} is left out. Each cell's stages see
 * the axis values as environment variables.
 */
final class MatrixExpander {
  /** At most this many cells: more would be a mistake, and a very large pipeline. */
  static final int MAX_CELLS = 256;

  /** One combination of axis values. */
  record Cell(List<String> values, List<EnvVar> env) {}

  private record Axis(String name, List<String> values) {}

  private final Ctx ctx;
  private final Values values;

  MatrixExpander(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
  }

  /** The matrix's directives other than axes and excludes (agent, environment, when, stages, ...). */
  List<Call> directives(Call matrix) {
    List<Call> out = new ArrayList<>();
    for (Call c : matrix.bodyCalls()) {
      switch (c.name()) {
        case "axes", "excludes" -> { }
        case "agent", "environment", "when", "stages" -> out.add(c);
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), "matrix");
      }
    }
    return out;
  }

  List<Cell> cells(Call matrix) {
    List<Axis> axes = new ArrayList<>();
    List<Map<String, Call>> excludes = new ArrayList<>();
    for (Call c : matrix.bodyCalls()) {
      if (c.name().equals("axes")) {
        c.bodyCalls().stream().filter(a -> a.name().equals("axis")).forEach(a -> axis(a, axes));
      } else if (c.name().equals("excludes")) {
        for (Call ex : c.bodyCalls()) {
          Map<String, Call> byAxis = new LinkedHashMap<>();
          ex.bodyCalls().stream().filter(a -> a.name().equals("axis"))
              .forEach(a -> setting(a, "name").stream().findFirst().ifPresent(n -> byAxis.put(n, a)));
          excludes.add(byAxis);
        }
      }
    }
    if (axes.isEmpty()) {
      ctx.report(Code.BAD_ARGUMENT, matrix.node(), "matrix", "needs `axes` with at least one `axis`");
      return List.of();
    }
    List<List<String>> combos = new ArrayList<>();
    combos.add(List.of());
    for (Axis a : axes) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> c : combos) {
        for (String v : a.values()) {
          List<String> n = new ArrayList<>(c);
          n.add(v);
          next.add(n);
        }
      }
      combos = next;
      if (combos.size() > MAX_CELLS) {
        ctx.report(Code.BAD_ARGUMENT, matrix.node(), "matrix", "more than " + MAX_CELLS + " combinations");
        return List.of();
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (List<String> combo : combos) {
      if (excludes.stream().anyMatch(ex -> excluded(ex, axes, combo))) {
        continue;
      }
      List<EnvVar> env = new ArrayList<>();
      for (int i = 0; i < axes.size(); i++) {
        env.add(new EnvVar(axes.get(i).name(), combo.get(i), ctx.pos(matrix.node())));
      }
      cells.add(new Cell(combo, env));
    }
    return cells;
  }

  private void axis(Call a, List<Axis> axes) {
    List<String> name = setting(a, "name");
    List<String> vals = setting(a, "values");
    if (name.isEmpty() || vals.isEmpty()) {
      ctx.report(Code.BAD_ARGUMENT, a.node(), "axis", "needs `name` and `values`");
      return;
    }
    axes.add(new Axis(name.get(0), vals));
  }

  private boolean excluded(Map<String, Call> exclude, List<Axis> axes, List<String> combo) {
    if (exclude.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, Call> e : exclude.entrySet()) {
      int i = indexOf(axes, e.getKey());
      if (i < 0) {
        return false;
      }
      List<String> in = setting(e.getValue(), "values");
      List<String> notIn = setting(e.getValue(), "notValues");
      boolean matches = !in.isEmpty() ? in.contains(combo.get(i)) : !Set.copyOf(notIn).contains(combo.get(i));
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(List<Axis> axes, String name) {
    for (int i = 0; i < axes.size(); i++) {
      if (axes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The arguments of the call {@code key} inside an axis ({@code values 'a', 'b'}). */
  private List<String> setting(Call axis, String key) {
    List<String> out = new ArrayList<>();
    axis.bodyCalls().stream().filter(c -> c.name().equals(key))
        .forEach(c -> c.args().forEach(x -> out.addAll(values.plainList(x, key))));
    return out;
  }
}
