package io.jxengine.parse;

import java.nio.file.Path;

/**
 * A pipeline file found in a repository.
 *
 * @param name the pipeline's name ({@code default}, or the file stem under {@code .jx/pipelines/},
 *     or the default file's {@code name:})
 * @param file the file on disk
 * @param displayPath the path relative to the repository, such as {@code .jx/pipeline.yaml}
 * @param format the format that reads it, or null for the native YAML
 */
public record PipelineSource(String name, Path file, String displayPath, PipelineSourceFormat format) {
  /** A native pipeline file. */
  public PipelineSource(String name, Path file, String displayPath) {
    this(name, file, displayPath, null);
  }
}
