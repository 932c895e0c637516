package castle.gateway.binance;

import castle.gateway.security.SecretBox;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.reference.SymbolConfig;
import castle.schema.reference.SymbolStatus;
import castle.schema.users.ApiKeyRecord;
import castle.schema.users.ApiPermission;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reference data for the gateway tests: markets and API keys. */
final class TestMarkets {

  /** The key API secrets are sealed with in these tests. */
  static final byte[] SECRETS_KEY = SecretBox.newKey();

  private TestMarkets() {}

  /**
   * BTCUSDT at 8 decimals on both sides: tick 0.01, step 0.00001, quantity 0.00001..9000, price
   * 0.01..1,000,000, notional at least 5 USDT.
   */
  static SymbolConfig btcusdt() {
    return symbol("BTCUSDT", "BTC", "USDT", 1_000_000, 1_000, 100_000_000_000_000L, 1_000, 900_000_000_000L, 500_000_000L);
  }

  /** LTCBTC as Binance's signing example uses it: price 0.1 and quantity 1 pass its filters. */
  static SymbolConfig ltcbtc() {
    return symbol("LTCBTC", "LTC", "BTC", 1_000, 100_000, 100_000_000_000L, 1_000_000, 900_000_000_000L, 10_000);
  }

  /** A market that is halted. */
  static SymbolConfig halted() {
    SymbolConfig halted = symbol("ETHUSDT", "ETH", "USDT", 1_000_000, 1_000, 100_000_000_000_000L, 1_000, 900_000_000_000L, 500_000_000L);
    halted.setStatus(SymbolStatus.HALT);
    return halted;
  }

  /** An API key with the given secret. */
  static ApiKeyRecord key(String apiKey, String secret, long userId, ApiPermission permission, boolean revoked) {
    byte[] sealed = new SecretBox(SECRETS_KEY).seal(secret.getBytes(StandardCharsets.UTF_8));
    return ApiKeyRecord.newBuilder()
        .setApiKey(apiKey)
        .setUserId(userId)
        .setEmail("user" + userId + "@example.com")
        .setPermission(permission)
        .setEncryptedSecret(ByteBuffer.wrap(sealed))
        .setRevoked(revoked)
        .setCreatedAt(System.currentTimeMillis())
        .build();
  }

  private static SymbolConfig symbol(
      String symbol, String base, String quote, long tick, long step, long maxPrice, long minQty, long maxQty,
      long minNotional) {
    return SymbolConfig.newBuilder()
        .setSymbol(symbol)
        .setBaseAsset(base)
        .setQuoteAsset(quote)
        .setBaseScale(8)
        .setQuoteScale(8)
        .setTickSize(tick)
        .setMinPrice(tick)
        .setMaxPrice(maxPrice)
        .setStepSize(step)
        .setMinQty(minQty)
        .setMaxQty(maxQty)
        .setMinNotional(minNotional)
        .setMaxNotional(0)
        .setDefaultSelfTradePreventionMode(SelfTradePreventionMode.EXPIRE_MAKER)
        .setStatus(SymbolStatus.TRADING)
        .setUpdatedAt(1)
        .build();
  }
}
