package castle.gateway.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as {@code {"code": <negative int>, "msg": "<text>"}} with a 4xx or 5xx status:
 * {@link ApiException}s as they are, unknown paths as 404, and anything unexpected as a 500 with a
 * generic message. Stack traces go to the log, never to the client.
 */
public final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** Installs the exception and error handlers. */
  public static void register(JavalinConfig config) {
    config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage()));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), -1, e.getMessage()));
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      ApiException internal = ApiException.internal();
      write(ctx, internal.status(), internal.code(), internal.getMessage());
    });
    config.routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        write(ctx, 404, -1, "Not found.");
      }
    });
    config.routes.error(405, ctx -> write(ctx, 405, -1, "Method not allowed."));
  }

  /** Writes an error body with the given status. */
  public static void write(Context ctx, int status, int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("msg", message);
    ctx.status(status).json(body);
  }
}
