package io.jxengine.model;

/** A name written by the user that refers to something else (a {@code needs:} entry). */
public record NameRef(String name, Pos pos) {}
