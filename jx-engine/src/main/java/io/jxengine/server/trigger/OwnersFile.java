package io.jxengine.server.trigger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The people a Prow/Lighthouse {@code OWNERS} file names: its {@code approvers:} and {@code
 * reviewers:} lists. Read with SnakeYAML's safe constructor (no tags, no aliases bombs); a file
 * that is not such a mapping names nobody. Pure and thread-safe.
 */
public final class OwnersFile {
  private static final int MAX_BYTES = 256 * 1024;

  private OwnersFile() {}

  /** The lower-cased logins listed as approvers or reviewers. */
  public static Set<String> people(String yaml) {
    Set<String> out = new LinkedHashSet<>();
    if (yaml == null || yaml.length() > MAX_BYTES) {
      return out;
    }
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (RuntimeException e) {
      return out; // a broken OWNERS file trusts nobody rather than failing the event
    }
    if (!(root instanceof Map<?, ?> map)) {
      return out;
    }
    for (String key : List.of("approvers", "reviewers")) {
      if (map.get(key) instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String s && !s.isBlank()) {
            out.add(s.trim().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return out;
  }

  /** True when {@code user} is listed (case-insensitive, as logins are). */
  public static boolean lists(String yaml, String user) {
    return user != null && people(yaml).contains(user.toLowerCase(Locale.ROOT));
  }
}
