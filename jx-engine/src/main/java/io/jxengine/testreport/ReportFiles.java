package io.jxengine.testreport;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the report files an Ant-style pattern list names ({@code target/surefire-reports/*.xml,
 * **&#47;TEST-*.xml}; {@code **} spans directories, {@code *} and {@code ?} stay within one) inside a
 * workspace, and reads them with caps. Patterns are relative and never leave the workspace
 * ({@code ..} and absolute paths are refused); symbolic links are neither followed while walking
 * nor read (a link could point anywhere), they are skipped with a note; a file is opened with
 * {@code O_NOFOLLOW}, so a link swapped in after the walk is not read either. Stateless.
 */
public final class ReportFiles {
  /** Largest report file read. */
  public static final long MAX_FILE = 16L * 1024 * 1024;
  /** Largest sum of report files read by one step. */
  public static final long MAX_TOTAL = 64L * 1024 * 1024;
  /** Most report files one step reads. */
  public static final int MAX_FILES = 2000;
  private static final int MAX_WALK_DEPTH = 40;

  /** The files found (sorted, relative to the workspace) and what was skipped and why. */
  public record Found(List<String> files, List<String> notes) {}

  private ReportFiles() {}

  /**
   * The regular files under {@code workspace} matching any of {@code patterns} (comma-separated).
   *
   * @throws ReportException {@code JX903} for a pattern that leaves the workspace, or more than
   *     {@link #MAX_FILES} matches
   */
  public static Found find(Path workspace, String patterns) throws ReportException, IOException {
    List<Pattern> regexes = new ArrayList<>();
    for (String p : patterns.split(",")) {
      String glob = p.strip().replace('\\', '/');
      if (glob.isEmpty()) {
        continue;
      }
      if (glob.startsWith("/") || List.of(glob.split("/")).contains("..")) {
        throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.UNKNOWN, glob,
            "a pattern is relative to the workspace and has no `..`");
      }
      regexes.add(antToRegex(glob.startsWith("./") ? glob.substring(2) : glob));
    }
    Path root = workspace.toRealPath();
    Set<String> files = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_WALK_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (regexes.stream().noneMatch(r -> r.matcher(rel).matches())) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
              notes.add(rel + ": skipped, not a regular file (symbolic links are not followed)");
            } else {
              files.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // unreadable corners of a workspace are not reports
          }
        });
    if (files.size() > MAX_FILES) {
      throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.UNKNOWN, patterns,
          files.size() + " files match; at most " + MAX_FILES + " are read");
    }
    return new Found(List.copyOf(files), notes);
  }

  /**
   * The bytes of {@code rel} under {@code workspace}, refusing links and files over {@link #MAX_FILE}.
   *
   * @throws ReportException {@code JX903} when the file is too large or a link
   */
  public static byte[] read(Path workspace, String rel) throws ReportException, IOException {
    Path root = workspace.toRealPath();
    Path file = root.resolve(rel).normalize();
    if (!file.startsWith(root) || !file.getParent().toRealPath().startsWith(root)) {
      throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.fileStart(rel), rel, "outside the workspace");
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file,
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        InputStream in = Channels.newInputStream(ch)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE + 1);
      if (bytes.length > MAX_FILE) {
        throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.fileStart(rel), rel,
            "larger than " + (MAX_FILE >> 20) + " MiB");
      }
      return bytes;
    } catch (IOException e) {
      if (Files.isSymbolicLink(file)) {
        throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.fileStart(rel), rel,
            "a symbolic link; reports must be regular files in the workspace");
      }
      throw e;
    }
  }

  /** An Ant pattern as a regular expression over {@code /}-separated relative paths. */
  static Pattern antToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (c == '*' && glob.startsWith("**", i)) {
        re.append(".*");
        i += 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (glob.endsWith("/")) {
      re.append(".*"); // Ant: a trailing slash means everything below
    }
    return Pattern.compile(re.toString());
  }
}
