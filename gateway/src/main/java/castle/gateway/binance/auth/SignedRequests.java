package castle.gateway.binance.auth;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.gateway.binance.limits.RateLimits;
import castle.gateway.binance.limits.RequestWeightFilter;
import castle.schema.users.ApiKeyRecord;
import castle.schema.users.ApiPermission;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Authenticates SIGNED requests as Binance does, in this order: the {@code X-MBX-APIKEY} header
 * (-2014 when missing or malformed), the key (-2015 when unknown or revoked), {@code timestamp} and
 * {@code recvWindow} (default 5000 ms, at most 60000, with up to three decimals for microseconds),
 * the signature over the raw bytes (-1022), the time window (-1021), then the key's permission
 * (-1002 when a READ key tries to trade). A request that passes is charged to its key's rate limit.
 */
public final class SignedRequests {

  /** The header carrying the API key. */
  public static final String API_KEY_HEADER = "X-MBX-APIKEY";

  private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,128}");
  private static final int MICROS_PER_MS = 1000;
  private static final long DEFAULT_RECV_WINDOW_MICROS = 5_000_000;
  private static final long MAX_RECV_WINDOW_MICROS = 60_000_000;
  private static final long MAX_AHEAD_MS = 1000;

  private final ApiKeyDirectory keys;
  private final RateLimits limits;
  private final EndpointWeights weights;
  private final Clock clock;

  /** Authentication against {@code keys}, charging {@code limits} by {@code weights}. */
  public SignedRequests(ApiKeyDirectory keys, RateLimits limits, EndpointWeights weights, Clock clock) {
    this.keys = keys;
    this.limits = limits;
    this.weights = weights;
    this.clock = clock;
  }

  /** The caller of a request to an endpoint of the given security type, or the Binance error. */
  public Caller authenticate(Context ctx, SecurityType type) {
    String apiKey = ctx.header(API_KEY_HEADER);
    if (apiKey == null || !KEY_FORMAT.matcher(apiKey).matches()) {
      throw ApiException.apiKeyFormat();
    }
    ApiKeyRecord key = keys.active(apiKey);
    Params params = Params.of(ctx);
    long timestamp = params.requiredLong("timestamp");
    long recvWindowMicros = params.optionalDecimal("recvWindow", 3).orElse(DEFAULT_RECV_WINDOW_MICROS);
    if (recvWindowMicros > MAX_RECV_WINDOW_MICROS) {
      throw ApiException.recvWindowTooLarge();
    }
    String signature = params.required("signature");
    byte[] payload = RequestSignature.totalParams(params.rawQuery(), rawBody(ctx));
    if (!keys.verifies(key, payload, signature)) {
      throw ApiException.badSignature();
    }
    long now = clock.millis();
    if (timestamp > now + MAX_AHEAD_MS) {
      throw ApiException.aheadOfServer();
    }
    if ((now - timestamp) * MICROS_PER_MS > recvWindowMicros) {
      throw ApiException.outsideRecvWindow();
    }
    if (type == SecurityType.TRADE && key.getPermission() != ApiPermission.TRADE) {
      throw ApiException.unauthorized();
    }
    String ip = RequestWeightFilter.clientIp(ctx, limits.settings().clientIpHeader());
    limits.chargeKey(ip, apiKey, weights.weight(ctx.method().name(), ctx.path(), params));
    return new Caller(key.getUserId(), apiKey, key.getPermission(), ip);
  }

  /** The body's bytes as received; like {@link Params}, GET requests have no parameters in a body. */
  private static byte[] rawBody(Context ctx) {
    String method = ctx.method().name();
    return method.equals("GET") || method.equals("HEAD") ? new byte[0] : ctx.bodyAsBytes();
  }
}
