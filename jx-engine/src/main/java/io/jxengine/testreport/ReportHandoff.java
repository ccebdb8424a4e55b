package io.jxengine.testreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a report step ({@code jxe step junit}, a process) hands its result to the engine that runs
 * it: one JSON file per step in a directory beside the run's workspace ({@code <workspace>.tests},
 * outside the checkout), named after the stage and step. After the run
 * the engine reads them all and records them on the activity. The files are written by a process
 * of the build, so reading is defensive: at most {@link #MAX_FILES} files of {@link #MAX_JSON}
 * bytes each, regular files only, anything malformed ignored, every list and text capped again.
 * Stateless.
 */
public final class ReportHandoff {
  static final int MAX_FILES = 200;
  static final int MAX_JSON = 1024 * 1024;
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,63}");
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportHandoff() {}

  /** The directory of the run whose workspace is {@code workspace}. */
  public static Path dirFor(Path workspace) {
    Path abs = workspace.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".tests");
  }

  /**
   * Writes the report of step {@code stage}/{@code step}; a later report of the same step (a
   * retry) replaces it.
   *
   * @throws IllegalArgumentException when the names are not DNS-1123 labels (engine names are)
   */
  public static Path write(Path dir, String stage, String step, TestReport report) throws IOException {
    if (!NAME.matcher(stage).matches() || !NAME.matcher(step).matches()) {
      throw new IllegalArgumentException("not a stage/step name: " + stage + "/" + step);
    }
    Files.createDirectories(dir);
    Path file = dir.resolve(stage + "." + step + ".json");
    Path tmp = dir.resolve("." + stage + "." + step + ".json.tmp");
    Files.write(tmp, JSON.writeValueAsBytes(new StepTestReport(stage, step, report)));
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** Every report in {@code dir}, in file-name order; empty when there is none. */
  public static List<StepTestReport> readAll(Path dir) {
    List<StepTestReport> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : ds) {
        if (files.size() >= MAX_FILES) {
          break;
        }
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          files.add(f);
        }
      }
    } catch (IOException e) {
      return out;
    }
    files.sort(null);
    for (Path f : files) {
      read(f).ifPresent(out::add);
    }
    return out;
  }

  private static java.util.Optional<StepTestReport> read(Path f) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(f)) {
      bytes = in.readNBytes(MAX_JSON + 1);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    if (bytes.length > MAX_JSON) {
      return java.util.Optional.empty();
    }
    try {
      StepTestReport r = JSON.readValue(bytes, StepTestReport.class);
      if (r.stage() == null || r.step() == null || r.report() == null || r.report().totals() == null
          || !NAME.matcher(r.stage()).matches() || !NAME.matcher(r.step()).matches()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new StepTestReport(r.stage(), r.step(), sane(r.report())));
    } catch (JsonProcessingException | RuntimeException e) {
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The report with negative counts raised to zero and lists and texts capped again. */
  static TestReport sane(TestReport r) {
    TestTotals t = r.totals();
    TestTotals totals = new TestTotals(Math.max(0, t.files()), Math.max(0, t.tests()),
        Math.max(0, t.failures()), Math.max(0, t.errors()), Math.max(0, t.skipped()),
        Math.max(0, t.durationMillis()));
    List<FailedCase> cases = new ArrayList<>();
    int leftOut = Math.max(0, r.failedLeftOut());
    for (FailedCase c : r.failed() == null ? List.<FailedCase>of() : r.failed()) {
      if (c == null) {
        continue;
      }
      if (cases.size() >= TestReport.MAX_FAILED_CASES) {
        leftOut++;
        continue;
      }
      String kind = FailedCase.ERROR.equals(c.kind()) ? FailedCase.ERROR : FailedCase.FAILURE;
      cases.add(new FailedCase(TestReport.cap(c.suite(), TestReport.MAX_TEXT),
          TestReport.cap(c.name(), TestReport.MAX_TEXT), kind,
          TestReport.cap(c.message(), TestReport.MAX_TEXT), TestReport.trace(c.trace())));
    }
    return new TestReport(totals, cases, leftOut);
  }
}
