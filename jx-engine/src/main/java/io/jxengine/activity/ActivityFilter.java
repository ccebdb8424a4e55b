package io.jxengine.activity;

/**
 * Which activities to list; null members match everything. Newest first.
 *
 * @param limit the most to return, 0 for no limit
 */
public record ActivityFilter(
    String owner, String repo, String branch, Status status, String source, int limit) {
  public static ActivityFilter all() {
    return new ActivityFilter(null, null, null, null, null, 0);
  }
}
