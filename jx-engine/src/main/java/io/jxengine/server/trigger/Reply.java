package io.jxengine.server.trigger;

/**
 * A comment the engine posts (or updates) on a pull request, such as why an untrusted author's
 * build waits for {@code /ok-to-test}.
 *
 * @param marker identifies the comment so that a later reply with the same marker updates it
 */
public record Reply(int number, String marker, String body) {}
