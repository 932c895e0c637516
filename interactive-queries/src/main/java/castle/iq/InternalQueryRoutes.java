package castle.iq;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal/iq/{query}}: how instances ask each other for state. {@code mode=local} runs
 * the query on this instance's stores (a router forwarding to the owner); {@code mode=route} routes
 * it from here (a gateway without Streams asking any streams instance). Callers must present the
 * shared internal token; these routes are for the cluster's private network only.
 */
public final class InternalQueryRoutes {

  private final QueryRegistry registry;
  private final QueryRouter router;
  private final byte[] token;
  private final ObjectMapper json;

  /** Routes answering the registry's queries through the router. */
  public InternalQueryRoutes(QueryRegistry registry, QueryRouter router, String internalToken, ObjectMapper json) {
    this.registry = registry;
    this.router = router;
    this.token = internalToken.getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  /** Adds the route to a Javalin configuration. */
  public void register(JavalinConfig config) {
    config.routes.get("/internal/iq/{query}", this::answer);
  }

  private void answer(Context ctx) throws Exception {
    String presented = ctx.header(QueryForwarder.TOKEN_HEADER);
    if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      fail(ctx, 403, "missing or wrong internal token");
      return;
    }
    StoreQuery<?> query = registry.named(ctx.pathParam("query")).orElse(null);
    if (query == null) {
      fail(ctx, 404, "no query named " + ctx.pathParam("query"));
      return;
    }
    String key = ctx.queryParam(QueryForwarder.KEY_PARAM);
    String mode = ctx.queryParam(QueryForwarder.MODE_PARAM);
    Map<String, String> params = params(ctx);
    try {
      Object answer;
      if (QueryForwarder.MODE_LOCAL.equals(mode)) {
        answer = router.answerForwarded(query, key, params);
      } else if (key == null) {
        answer = router.fromAll(query, params);
      } else {
        answer = router.byKey(query, key, params);
      }
      ctx.contentType("application/json").result(json.writeValueAsBytes(answer));
    } catch (StoreUnavailableException e) {
      fail(ctx, 503, e.getMessage());
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, e.getMessage());
    }
  }

  private static Map<String, String> params(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
      String name = entry.getKey();
      if (!name.equals(QueryForwarder.KEY_PARAM) && !name.equals(QueryForwarder.MODE_PARAM)) {
        params.put(name, entry.getValue().get(0));
      }
    }
    return params;
  }

  private void fail(Context ctx, int status, String reason) throws Exception {
    ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(Map.of("reason", reason)));
  }
}
