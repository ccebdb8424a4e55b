package io.jxengine.jenkins.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jenkins' {@code tree=} query: which properties of an answer to keep, at any depth, such as
 * {@code jobs[name,url,color,jobs[name]]} or {@code builds[number,url]{0,10}} (a range keeps
 * list elements {@code M <= i < N}; {@code {M}} keeps just element M). An object keeps only the
 * named properties (and its {@code _class}, as Jenkins does); a named property without a sub-tree
 * whose value is an object or a list of objects keeps just their {@code _class}, which is how
 * clients such as python-jenkins see that they must ask again one level deeper.
 *
 * <p>Immutable and thread-safe once parsed. A malformed expression is a 400.
 */
final class TreeFilter {
  /** The longest expression accepted; a client asking for more is not a Jenkins client. */
  static final int MAX_LENGTH = 4096;

  private record Field(String name, TreeFilter sub, Integer from, Integer to) {}

  private final List<Field> fields;

  private TreeFilter(List<Field> fields) {
    this.fields = fields;
  }

  static TreeFilter parse(String expression) {
    if (expression.length() > MAX_LENGTH) {
      throw JenkinsApiException.badRequest("tree= is longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(expression);
    TreeFilter f = p.list(0);
    if (p.pos != expression.length()) {
      throw p.error();
    }
    return f;
  }

  /** A copy of {@code value} with only what the filter names. */
  Object apply(Object value) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(apply(v)));
      return out;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (map.containsKey("_class")) {
      out.put("_class", map.get("_class"));
    }
    for (Field f : fields) {
      if (!map.containsKey(f.name())) {
        continue;
      }
      Object v = map.get(f.name());
      if (v instanceof List<?> l && f.from() != null) {
        int from = Math.min(f.from(), l.size());
        int to = f.to() == null ? l.size() : Math.max(from, Math.min(f.to(), l.size()));
        v = l.subList(from, to);
      }
      out.put(f.name(), f.sub() != null ? f.sub().apply(v) : classesOnly(v));
    }
    return out;
  }

  private static final TreeFilter NOTHING = new TreeFilter(List.of());

  private static Object classesOnly(Object v) {
    if (v instanceof Map<?, ?> || (v instanceof List<?> l && !l.isEmpty()
        && l.stream().allMatch(e -> e instanceof Map<?, ?>))) {
      return NOTHING.apply(v);
    }
    return v;
  }

  private static final class Parser {
    private static final int MAX_DEPTH = 32;
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    TreeFilter list(int depth) {
      if (depth > MAX_DEPTH) {
        throw JenkinsApiException.badRequest("tree= is nested too deeply");
      }
      List<Field> fields = new ArrayList<>();
      do {
        if (peek() == ',') {
          pos++;
        }
        int start = pos;
        while (pos < s.length() && "[]{},".indexOf(s.charAt(pos)) < 0) {
          pos++;
        }
        String name = s.substring(start, pos).strip();
        if (name.isEmpty()) {
          throw error();
        }
        TreeFilter sub = null;
        if (peek() == '[') {
          pos++;
          sub = list(depth + 1);
          expect(']');
        }
        Integer from = null;
        Integer to = null;
        if (peek() == '{') {
          pos++;
          int close = s.indexOf('}', pos);
          if (close < 0) {
            throw error();
          }
          String range = s.substring(pos, close);
          pos = close + 1;
          try {
            int comma = range.indexOf(',');
            if (comma < 0) {
              from = Integer.parseInt(range.strip());
              to = from + 1;
            } else {
              String a = range.substring(0, comma).strip();
              String b = range.substring(comma + 1).strip();
              from = a.isEmpty() ? 0 : Integer.parseInt(a);
              to = b.isEmpty() ? null : Integer.parseInt(b);
            }
          } catch (NumberFormatException e) {
            throw error();
          }
          if (from < 0 || (to != null && to < 0)) {
            throw error();
          }
        }
        fields.add(new Field(name, sub, from, to));
      } while (peek() == ',');
      return new TreeFilter(List.copyOf(fields));
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error();
      }
      pos++;
    }

    JenkinsApiException error() {
      return JenkinsApiException.badRequest("malformed tree= expression at character " + pos);
    }
  }
}
