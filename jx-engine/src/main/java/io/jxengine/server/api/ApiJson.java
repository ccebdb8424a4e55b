package io.jxengine.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The API's JSON: ISO-8601 times, records as objects. Written by hand rather than through
 * Javalin's mapper, so registering the API's routes needs nothing from the server's config.
 */
final class ApiJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ApiJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  static void send(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(write(value));
  }

  static void error(Context ctx, int status, String message) {
    send(ctx, status, Map.of("error", message));
  }
}
