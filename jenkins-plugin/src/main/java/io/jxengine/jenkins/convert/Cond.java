package io.jxengine.jenkins.convert;

import io.jxengine.model.Pos;
import io.jxengine.model.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stage condition read from {@code when}. It becomes the model's {@link When} when it has that
 * shape (lists OR'ed within one kind, kinds AND'ed), and otherwise a shell test on the engine's
 * job variables that the stage's steps run first ({@link #shell()}).
 */
sealed interface Cond {
  record Branch(String glob) implements Cond {}

  record Tag(String glob) implements Cond {}

  record Event(String event) implements Cond {}

  record Changeset(String glob) implements Cond {}

  /** {@code "${name}" = value}. */
  record EnvEquals(String name, String value) implements Cond {}

  record Not(Cond c) implements Cond {}

  record All(List<Cond> all) implements Cond {}

  record Any(List<Cond> any) implements Cond {}

  record Const(boolean value) implements Cond {}

  static Cond and(Cond a, Cond b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    List<Cond> all = new ArrayList<>();
    for (Cond c : List.of(a, b)) {
      if (c instanceof All x) {
        all.addAll(x.all());
      } else {
        all.add(c);
      }
    }
    return new All(all);
  }

  /** The model's form, or empty when this condition cannot be written as a {@code when:}. */
  static Optional<When> toWhen(Cond c, Pos pos) {
    List<List<String>> f = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (!fill(c, f, false)) {
      return Optional.empty();
    }
    return Optional.of(new When(f.get(0), f.get(1), f.get(2), f.get(3), pos));
  }

  /** Adds {@code c} to the four lists (branch, tag, event, paths); false when it does not fit. */
  private static boolean fill(Cond c, List<List<String>> f, boolean inAny) {
    int kind = kind(c);
    if (kind >= 0) {
      if (!inAny && !f.get(kind).isEmpty()) {
        return false; // two conditions of one kind AND'ed: the model ORs within a kind
      }
      f.get(kind).add(value(c));
      return true;
    }
    if (c instanceof All a && !inAny) {
      return a.all().stream().allMatch(x -> fill(x, f, false));
    }
    if (c instanceof Any a && !inAny && !a.any().isEmpty()) {
      int k = kind(a.any().get(0));
      if (k < 0 || !f.get(k).isEmpty() || a.any().stream().anyMatch(x -> kind(x) != k)) {
        return false;
      }
      return a.any().stream().allMatch(x -> fill(x, f, true));
    }
    return false;
  }

  private static int kind(Cond c) {
    if (c instanceof Branch) {
      return 0;
    }
    if (c instanceof Tag) {
      return 1;
    }
    if (c instanceof Event) {
      return 2;
    }
    return c instanceof Changeset ? 3 : -1;
  }

  private static String value(Cond c) {
    if (c instanceof Branch b) {
      return b.glob();
    }
    if (c instanceof Tag t) {
      return t.glob();
    }
    if (c instanceof Event e) {
      return e.event();
    }
    return ((Changeset) c).glob();
  }

  /**
   * A POSIX shell test for {@code c}, reading the job variables the engine sets. A change set
   * is not known to a step, so it counts as true (the report says so).
   */
  static String shell(Cond c) {
    if (c instanceof Branch b) {
      return glob("BRANCH_NAME", b.glob());
    }
    if (c instanceof Tag t) {
      return "[ -n \"${JX_TAG:-}\" ] && " + glob("JX_TAG", t.glob());
    }
    if (c instanceof Event e) {
      return e.event().equals("pull_request")
          ? "[ -n \"${PULL_NUMBER:-}\" ]"
          : e.event().equals("tag")
              ? "[ -n \"${JX_TAG:-}\" ]"
              : "[ \"${JX_EVENT:-}\" = " + ShellText.singleQuoted(e.event()) + " ]";
    }
    if (c instanceof Changeset) {
      return "true";
    }
    if (c instanceof EnvEquals e) {
      return "[ \"${" + e.name() + ":-}\" = " + ShellText.singleQuoted(e.value()) + " ]";
    }
    if (c instanceof Not n) {
      return "! { " + shell(n.c()) + "; }";
    }
    if (c instanceof All a) {
      return a.all().isEmpty() ? "true" : a.all().stream().map(x -> "{ " + shell(x) + "; }").collect(Collectors.joining(" && "));
    }
    if (c instanceof Any a) {
      return a.any().isEmpty() ? "false" : a.any().stream().map(x -> "{ " + shell(x) + "; }").collect(Collectors.joining(" || "));
    }
    return ((Const) c).value() ? "true" : "false";
  }

  /** True when the condition reads the change set, which a shell test cannot see. */
  static boolean readsChangeset(Cond c) {
    if (c instanceof Changeset) {
      return true;
    }
    if (c instanceof Not n) {
      return readsChangeset(n.c());
    }
    if (c instanceof All a) {
      return a.all().stream().anyMatch(Cond::readsChangeset);
    }
    return c instanceof Any a && a.any().stream().anyMatch(Cond::readsChangeset);
  }

  private static String glob(String var, String glob) {
    // a case pattern: quote everything but the glob characters
    StringBuilder p = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      if (ch == '*' || ch == '?') {
        p.append(ch);
      } else if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '/') {
        p.append(ch);
      } else {
        p.append('\\').append(ch);
      }
    }
    return "case \"${" + var + ":-}\" in " + p + ") true ;; *) false ;; esac";
  }
}
