package io.jxengine.server.chatops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the commands in a pull-request comment: lines that start with {@code /word}, outside
 * fenced code blocks, indented code and quotes, so that quoting someone's {@code /ok-to-test} or
 * pasting a log does not act. Pure and thread-safe.
 */
public final class ChatOpsParser {
  /** Bodies are untrusted; bounding them bounds the work. */
  static final int MAX_BODY = 64 * 1024;

  static final int MAX_COMMANDS = 20;

  private static final Pattern COMMAND = Pattern.compile("^(/[A-Za-z][A-Za-z0-9_-]*)(?:[ \\t]+(.*))?$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

  private ChatOpsParser() {}

  /** The commands in {@code body}, in order; empty for null or a body without any. */
  public static List<ChatOpsCommand> parse(String body) {
    List<ChatOpsCommand> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    String text = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    String fence = null;
    for (String raw : text.split("\\r?\\n|\\r")) {
      Matcher f = FENCE.matcher(raw);
      if (f.matches()) {
        String marker = f.group(1);
        if (fence == null) {
          fence = marker;
        } else if (fence.equals(marker)) {
          fence = null;
        }
        continue;
      }
      if (fence != null || raw.startsWith("    ") || raw.startsWith("\t")) {
        continue;
      }
      String line = raw.strip();
      if (line.startsWith(">")) {
        continue;
      }
      Matcher m = COMMAND.matcher(line);
      if (m.matches()) {
        out.add(new ChatOpsCommand(m.group(1), m.group(2)));
        if (out.size() == MAX_COMMANDS) {
          break;
        }
      }
    }
    return out;
  }
}
