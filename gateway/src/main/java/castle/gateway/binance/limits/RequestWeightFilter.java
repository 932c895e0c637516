package castle.gateway.binance.limits;

import castle.gateway.api.ApiErrors;
import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Charges every {@code /api/v3} request's weight to the client's IP before its handler runs, sets
 * {@code X-MBX-USED-WEIGHT-1M}, and answers refusals with {@code Retry-After}. A request whose
 * parameters cannot even be read still costs a weight of 1.
 */
public final class RequestWeightFilter {

  private final RateLimits limits;
  private final EndpointWeights weights;

  /** A filter charging {@code weights} against {@code limits}. */
  public RequestWeightFilter(RateLimits limits, EndpointWeights weights) {
    this.limits = limits;
    this.weights = weights;
  }

  /** Adds the filter and the refusal handler. */
  public void register(JavalinConfig config) {
    config.routes.before("/api/v3/*", this::charge);
    config.routes.exception(RateLimitException.class, (e, ctx) -> {
      e.headers().forEach(ctx::header);
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      ApiErrors.write(ctx, e.error().status(), e.error().code(), e.error().getMessage());
    });
  }

  /** The client's IP: the connection's, or the last address a trusted proxy put in its header. */
  public static String clientIp(Context ctx, String trustedHeader) {
    if (trustedHeader != null) {
      String forwarded = ctx.header(trustedHeader);
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
      }
    }
    return ctx.ip();
  }

  private void charge(Context ctx) {
    String ip = clientIp(ctx, limits.settings().clientIpHeader());
    int weight;
    try {
      weight = weights.weight(ctx.method().name(), ctx.path(), Params.of(ctx));
    } catch (ApiException unreadable) {
      ctx.header(RateLimits.USED_WEIGHT_HEADER, Long.toString(limits.chargeIp(ip, 1)));
      throw unreadable;
    }
    ctx.header(RateLimits.USED_WEIGHT_HEADER, Long.toString(limits.chargeIp(ip, weight)));
  }
}
