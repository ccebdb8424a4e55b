package io.jxengine.scm;

/** A pull-request comment the engine wrote (or found). */
public record CommentInfo(long id, String body, String htmlUrl) {}
