package io.jxengine.logs;

import java.time.Instant;

/** One stored log line: when it was written and its (already masked) text. */
public record LogLine(Instant time, String text) {}
