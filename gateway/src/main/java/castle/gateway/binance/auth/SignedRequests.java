package castle.gateway.binance.auth;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.gateway.binance.limits.RateLimits;
import castle.gateway.binance.limits.RequestWeightFilter;
import castle.gateway.identity.apikeys.ApiKeyDirectory;
import castle.gateway.identity.apikeys.ApiKeyDirectory.ActiveApiKey;
import castle.schema.users.ApiPermission;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates SIGNED requests as Binance does, in this order: the {@code X-MBX-APIKEY} header
 * (-2014 when missing or malformed), the key (-2015 when unknown or revoked), {@code timestamp} and
 * {@code recvWindow} (default 5000 ms, at most 60000, with up to three decimals for microseconds),
 * the signature over the raw bytes (-1022), the time window (-1021), then the key's permission
 * (-1002 when a READ key tries to trade). A request that passes is charged to its key's rate limit.
 * Keys come from the native API's directory of {@code users.apikeys}; a secret is opened only for
 * the moment its signature is checked, then wiped, and is never logged.
 */
public final class SignedRequests {

  private static final Logger LOG = LoggerFactory.getLogger(SignedRequests.class);

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
    ActiveApiKey key = activeKey(apiKey);
    Params params = Params.of(ctx);
    long timestamp = params.requiredLong("timestamp");
    long recvWindowMicros = params.optionalDecimal("recvWindow", 3).orElse(DEFAULT_RECV_WINDOW_MICROS);
    if (recvWindowMicros > MAX_RECV_WINDOW_MICROS) {
      throw ApiException.recvWindowTooLarge();
    }
    String signature = params.required("signature");
    byte[] payload = RequestSignature.totalParams(params.rawQuery(), rawBody(ctx));
    boolean signed;
    try {
      signed = RequestSignature.matches(key.secret(), payload, signature);
    } finally {
      Arrays.fill(key.secret(), (byte) 0);
    }
    if (!signed) {
      throw ApiException.badSignature();
    }
    long now = clock.millis();
    if (timestamp > now + MAX_AHEAD_MS) {
      throw ApiException.aheadOfServer();
    }
    if ((now - timestamp) * MICROS_PER_MS > recvWindowMicros) {
      throw ApiException.outsideRecvWindow();
    }
    if (type == SecurityType.TRADE && key.permission() != ApiPermission.TRADE) {
      throw ApiException.unauthorized();
    }
    String ip = RequestWeightFilter.clientIp(ctx, limits.settings().clientIpHeader());
    limits.chargeKey(ip, apiKey, weights.weight(ctx.method().name(), ctx.path(), params));
    return new Caller(key.userId(), apiKey, key.permission(), ip);
  }

  /**
   * The key if it is active, with its secret opened for this one check; -2015 when it is unknown,
   * revoked or sealed under another secrets key, 503 while the keys are still loading.
   */
  private ActiveApiKey activeKey(String apiKey) {
    Optional<ActiveApiKey> key;
    try {
      key = keys.activeWithSecret(apiKey);
    } catch (IllegalArgumentException sealedElsewhere) {
      LOG.error("API key {} cannot be opened: is this gateway configured with the users' secrets key?", apiKey);
      throw ApiException.invalidApiKey();
    }
    if (key.isEmpty() && keys.problem().isPresent()) {
      throw ApiException.backendUnavailable();
    }
    return key.orElseThrow(ApiException::invalidApiKey);
  }

  /** The body's bytes as received; like {@link Params}, GET requests have no parameters in a body. */
  private static byte[] rawBody(Context ctx) {
    String method = ctx.method().name();
    return method.equals("GET") || method.equals("HEAD") ? new byte[0] : ctx.bodyAsBytes();
  }
}
