package io.jxengine.release;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit message read as a Conventional Commit ({@code type(scope)!: subject}, with an optional
 * {@code BREAKING CHANGE:} footer). A message that does not follow the convention is kind
 * {@link Kind#OTHER} with its first line as the subject. Pure and immutable.
 *
 * @param type the lower-case type ({@code feat}, {@code fix}, ...), or empty
 * @param scope the scope in parentheses, or empty
 * @param pullRequest the number in a trailing {@code (#123)} of the subject (GitHub's squash
 *     merges), or null
 */
public record ConventionalCommit(
    String sha, Kind kind, String type, String scope, String subject, boolean breaking,
    Integer pullRequest) {

  /** How a commit moves the version and where the release notes list it. */
  public enum Kind {
    FEATURE,
    FIX,
    OTHER
  }

  private static final Pattern HEADER =
      Pattern.compile("([A-Za-z]+)(?:\\(([^()\\r\\n]*)\\))?(!)?: ?(.+)");
  private static final Pattern BREAKING_FOOTER =
      Pattern.compile("(?m)^BREAKING[ -]CHANGE: ");
  private static final Pattern PULL_REQUEST = Pattern.compile("\\(#(\\d{1,9})\\)\\s*$");
  // GitHub's merge commits: "Merge pull request #12 from owner/branch".
  private static final Pattern MERGE_PR = Pattern.compile("^Merge pull request #(\\d{1,9}) ");

  public static ConventionalCommit parse(String sha, String message) {
    String text = message == null ? "" : message.replace("\r\n", "\n");
    int nl = text.indexOf('\n');
    String header = (nl < 0 ? text : text.substring(0, nl)).strip();
    String body = nl < 0 ? "" : text.substring(nl + 1);
    Integer pr = pullRequest(header);
    Matcher m = HEADER.matcher(header);
    boolean footerBreaking = BREAKING_FOOTER.matcher(body).find();
    if (!m.matches()) {
      return new ConventionalCommit(sha, Kind.OTHER, "", "", header, footerBreaking, pr);
    }
    String type = m.group(1).toLowerCase(Locale.ROOT);
    Kind kind = switch (type) {
      case "feat", "feature" -> Kind.FEATURE;
      case "fix" -> Kind.FIX;
      default -> Kind.OTHER;
    };
    String scope = m.group(2) == null ? "" : m.group(2).strip();
    boolean breaking = m.group(3) != null || footerBreaking;
    return new ConventionalCommit(sha, kind, type, scope, m.group(4).strip(), breaking, pr);
  }

  private static Integer pullRequest(String header) {
    Matcher m = PULL_REQUEST.matcher(header);
    if (m.find()) {
      return Integer.valueOf(m.group(1));
    }
    Matcher merge = MERGE_PR.matcher(header);
    return merge.find() ? Integer.valueOf(merge.group(1)) : null;
  }

  /** The subject without its trailing {@code (#123)}, which the notes show as a link instead. */
  public String subjectWithoutPullRequest() {
    return Optional.ofNullable(pullRequest)
        .map(n -> subject.replaceFirst("\\s*\\(#" + n + "\\)\\s*$", ""))
        .orElse(subject);
  }
}
