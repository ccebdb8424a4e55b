package io.jxengine.server.api;

/**
 * A request the API refuses: answered with {@code status} and {@code {"error": message}}. The
 * message is for the client, so it never carries stack traces or server paths.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError unauthorized() {
    return new ApiError(401, "a valid bearer token is required (Authorization: Bearer <token>)");
  }
}
