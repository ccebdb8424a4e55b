package io.jxengine.release;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown release notes: a heading with the version and the date of the released commit, then
 * the commits grouped as Breaking Changes, Features, Bug Fixes and Other, each linking to its
 * commit and pull request. Merge commits without a subject of their own are left out. Pure: the
 * same history gives the same text (the date is the commit's, not the clock's).
 */
public final class ReleaseNotes {
  private ReleaseNotes() {}

  /** @param title the heading, such as {@code v1.4.0} */
  public static String markdown(String title, Instant date, List<ConventionalCommit> commits,
      RepoLinks links) {
    List<ConventionalCommit> breaking = new ArrayList<>();
    List<ConventionalCommit> features = new ArrayList<>();
    List<ConventionalCommit> fixes = new ArrayList<>();
    List<ConventionalCommit> other = new ArrayList<>();
    for (ConventionalCommit c : commits) {
      if (c.breaking()) {
        breaking.add(c);
      } else if (c.kind() == ConventionalCommit.Kind.FEATURE) {
        features.add(c);
      } else if (c.kind() == ConventionalCommit.Kind.FIX) {
        fixes.add(c);
      } else {
        other.add(c);
      }
    }
    StringBuilder md = new StringBuilder("## ").append(title).append(" (")
        .append(date.atOffset(ZoneOffset.UTC).toLocalDate()).append(")\n");
    section(md, "Breaking Changes", breaking, links);
    section(md, "Features", features, links);
    section(md, "Bug Fixes", fixes, links);
    section(md, "Other", other, links);
    if (commits.isEmpty()) {
      md.append("\nNo changes since the previous release.\n");
    }
    if (links.web() != null) {
      md.append("\n[All commits](").append(links.web()).append("/commits)\n");
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String heading, List<ConventionalCommit> commits,
      RepoLinks links) {
    if (commits.isEmpty()) {
      return;
    }
    md.append("\n### ").append(heading).append("\n\n");
    for (ConventionalCommit c : commits) {
      md.append("- ");
      if (!c.scope().isEmpty()) {
        md.append("**").append(escape(c.scope())).append(":** ");
      }
      md.append(escape(c.subjectWithoutPullRequest()));
      String shortSha = c.sha().substring(0, Math.min(7, c.sha().length()));
      String commitUrl = links.commit(c.sha());
      md.append(commitUrl == null ? " (" + shortSha + ")" : " ([" + shortSha + "](" + commitUrl + "))");
      if (c.pullRequest() != null) {
        String pr = links.pullRequest(c.pullRequest());
        md.append(pr == null ? " (#" + c.pullRequest() + ")"
            : " ([#" + c.pullRequest() + "](" + pr + "))");
      }
      md.append('\n');
    }
  }

  /** Commit subjects are text, not Markdown: keep them from opening links or HTML. */
  static String escape(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
  }
}
