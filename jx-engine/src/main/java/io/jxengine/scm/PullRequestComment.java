package io.jxengine.scm;

/** A comment on a pull request as the provider lists it, with its author's login. */
public record PullRequestComment(long id, String author, String body) {}
