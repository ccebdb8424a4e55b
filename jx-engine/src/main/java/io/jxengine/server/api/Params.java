package io.jxengine.server.api;

import io.javalin.http.Context;
import io.jxengine.activity.Status;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and validates path and query parameters; a bad value is a 400 naming the parameter. */
final class Params {
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
  private static final Pattern REPO = Pattern.compile("[^/\\s]+/[^/\\s]+");
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private Params() {}

  static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!ID.matcher(raw).matches()) {
      throw ApiError.badRequest("`" + name + "` must be a positive whole number");
    }
    return Long.parseLong(raw);
  }

  /** A query parameter, or null when absent or blank. */
  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static int count(Context ctx, String name, int defaultValue, int max) {
    String v = text(ctx, name);
    if (v == null) {
      return defaultValue;
    }
    if (!COUNT.matcher(v).matches() || Integer.parseInt(v) > max) {
      throw ApiError.badRequest("`" + name + "` must be a whole number from 0 to " + max);
    }
    return Integer.parseInt(v);
  }

  /** {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
  static int limit(Context ctx) {
    int limit = count(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    if (limit < 1) {
      throw ApiError.badRequest("`limit` must be a whole number from 1 to " + MAX_LIMIT);
    }
    return limit;
  }

  static Status status(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    for (Status s : Status.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw ApiError.badRequest("`" + name + "` must be one of " + java.util.Arrays.toString(Status.values()));
  }

  /** {@code owner/name} split in two, or null when absent. */
  static String[] repo(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    if (!REPO.matcher(v).matches()) {
      throw ApiError.badRequest("`" + name + "` must look like owner/name");
    }
    return v.split("/", 2);
  }
}
