package castle.gateway.binance.limits;

import castle.gateway.api.ApiException;
import java.util.Map;

/**
 * A request refused by a rate limit: the error (429 or 418 with Binance's -1003 or -1015), how many
 * seconds the client should wait ({@code Retry-After}) and the usage headers it still gets.
 */
public final class RateLimitException extends RuntimeException {

  private final ApiException error;
  private final long retryAfterSeconds;
  private final Map<String, String> headers;

  RateLimitException(ApiException error, long retryAfterSeconds, Map<String, String> headers) {
    super(error.getMessage(), null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
    this.headers = Map.copyOf(headers);
  }

  /** The status, code and message. */
  public ApiException error() {
    return error;
  }

  /** Seconds until a retry can succeed, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Usage headers to send with the refusal. */
  public Map<String, String> headers() {
    return headers;
  }
}
