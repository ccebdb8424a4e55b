package io.jxengine.scm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The paths a push touched, as far as its payload lists them. */
final class ChangedPaths {
  private static final String[] KINDS = {"added", "modified", "removed"};

  private ChangedPaths() {}

  /**
   * The union of added, modified and removed paths over {@code commits}, in first-seen order; null
   * when the payload cannot tell: no commits array, or a commit without any of the three lists
   * (Gitea's documented example), so the engine asks git instead of trusting a partial answer.
   */
  static List<String> union(JsonNode commits) {
    if (commits == null || !commits.isArray()) {
      return null;
    }
    Set<String> paths = new LinkedHashSet<>();
    for (JsonNode commit : commits) {
      boolean listed = false;
      for (String kind : KINDS) {
        JsonNode list = commit.path(kind);
        if (list.isArray()) {
          listed = true;
          list.forEach(p -> paths.add(p.asText()));
        }
      }
      if (!listed) {
        return null;
      }
    }
    return new ArrayList<>(paths);
  }
}
