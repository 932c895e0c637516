package castle.bench.binance;

/**
 * An HTTP answer, or a transport failure (status 0).
 *
 * @param status the HTTP status; 0 when no answer came back
 * @param body the body, or the failure's description
 */
public record Reply(int status, String body) {

  /** Whether the request succeeded. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
