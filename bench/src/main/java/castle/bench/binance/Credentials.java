package castle.bench.binance;

/**
 * An API key and its secret, as a trader's bot holds them.
 *
 * @param apiKey sent in X-MBX-APIKEY
 * @param secret signs requests; never sent
 */
public record Credentials(String apiKey, String secret) {

  @Override
  public String toString() {
    return "Credentials[" + apiKey + "]";
  }
}
