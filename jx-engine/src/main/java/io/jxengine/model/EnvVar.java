package io.jxengine.model;

/** One {@code NAME: value} entry of an {@code env:} block, with where it was written. */
public record EnvVar(String name, String value, Pos pos) {}
