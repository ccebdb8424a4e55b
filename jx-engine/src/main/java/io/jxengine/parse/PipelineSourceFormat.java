package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A pipeline format other than the native {@code .jx/pipeline.yaml}, such as a Jenkinsfile,
 * plugged in by an extension module through {@link ServiceLoader}
 * ({@code META-INF/services/io.jxengine.parse.PipelineSourceFormat}). A repository is read with
 * such a format only when it has no native pipeline file; the first installed format that finds
 * one of its {@link #fileNames()} wins.
 *
 * <p>Contract: implementations are stateless and thread-safe; {@link #parse} never throws for a
 * user's file (every mistake is a diagnostic) and never executes anything the file contains.
 * The pipeline it returns carries the format's name in {@link io.jxengine.model.Pipeline#source()},
 * which activities record.
 */
public interface PipelineSourceFormat {
  /** The name recorded as the source of activities, such as {@code jenkinsfile}. */
  String name();

  /** Paths relative to the repository root that hold a pipeline in this format, in order of preference. */
  List<String> fileNames();

  /** Reads {@code text} into a pipeline named {@code defaultName}; diagnostics show {@code displayPath}. */
  ParseResult parse(String text, String displayPath, String defaultName);

  /** The installed formats, in class-path order; found once per class loader. */
  static List<PipelineSourceFormat> installed() {
    return Installed.FORMATS;
  }

  /** The installed format that reads files called like {@code file}, if any. */
  static Optional<PipelineSourceFormat> forFile(Path file) {
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
    return installed().stream()
        .filter(f -> f.fileNames().stream().anyMatch(n -> Path.of(n).getFileName().toString().equals(fileName)))
        .findFirst();
  }

  /** Reads and parses {@code file}, refusing files over {@link PipelineParser#MAX_BYTES}. */
  default ParseResult parseFile(Path file, String displayPath, String defaultName) {
    Diagnostics diags = new Diagnostics();
    try {
      long size = Files.size(file);
      if (size > PipelineParser.MAX_BYTES) {
        diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(displayPath), "", size, PipelineParser.MAX_BYTES);
        return new ParseResult(null, diags.sorted());
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), displayPath, defaultName);
    } catch (IOException | java.io.UncheckedIOException e) {
      diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(displayPath), "", displayPath);
      return new ParseResult(null, diags.sorted());
    }
  }

  /** Holder, so that the formats are looked up on first use only. */
  final class Installed {
    static final List<PipelineSourceFormat> FORMATS =
        ServiceLoader.load(PipelineSourceFormat.class).stream().map(ServiceLoader.Provider::get).toList();

    private Installed() {}
  }
}
