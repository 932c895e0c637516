package castle.app.bench;

import castle.app.admin.AdminClient;
import castle.app.admin.AdminConnection;
import castle.app.admin.AdminFailure;
import castle.bench.binance.Credentials;
import castle.bench.workload.SymbolSpec;
import castle.bench.workload.Trader;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a running Castle for a bench run through its admin API, as an operator would: creates the
 * symbols that are missing and N verified traders, each funded and holding a TRADE API key, and logs
 * them in for their user-data streams.
 */
final class BenchSetup {

  /**
   * A trader ready to trade.
   *
   * @param trader its key and resting orders
   * @param bearerToken its login token, for the user-data WebSocket
   */
  record ReadyTrader(Trader trader, String bearerToken) {}

  private final AdminConnection.Session admin;

  BenchSetup(AdminConnection.Session admin) {
    this.admin = admin;
  }

  /** Creates {@code symbol} from {@code base} and {@code quote} unless it exists; returns its spec. */
  SymbolSpec symbol(String symbol, String base, String quote, BigDecimal mid, BigDecimal lot) throws Exception {
    AdminClient.Response existing = call("GET", "/v1/admin/symbols/" + symbol, null, false);
    JsonNode config = existing.ok() ? existing.body() : call("POST", "/v1/admin/symbols", Map.ofEntries(
        Map.entry("baseAsset", base), Map.entry("quoteAsset", quote),
        Map.entry("baseScale", 8), Map.entry("quoteScale", 8),
        Map.entry("tickSize", "0.01"), Map.entry("minPrice", "0.01"), Map.entry("maxPrice", "1000000"),
        Map.entry("stepSize", "0.00001"), Map.entry("minQty", "0.00001"), Map.entry("maxQty", "9000"),
        Map.entry("minNotional", "5")), true).body();
    return new SymbolSpec(symbol, new BigDecimal(config.path("tickSize").asText()),
        new BigDecimal(config.path("stepSize").asText()), mid, lot);
  }

  /** Creates {@code count} funded traders named after {@code runId}, logged in when {@code login}. */
  List<ReadyTrader> traders(int count, String runId, Map<String, String> deposits, int remembered, boolean login)
      throws Exception {
    List<ReadyTrader> traders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "bench-" + runId + "-" + i + "@bench.castle";
      String password = HexFormat.of().formatHex(randomBytes(16));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("email", email);
      body.put("password", password);
      body.put("deposits", deposits);
      body.put("apiKey", "TRADE");
      JsonNode key = call("POST", "/v1/admin/traders", body, true).body().path("apiKey");
      Trader trader = new Trader(new Credentials(key.path("apiKey").asText(), key.path("secretKey").asText()), remembered);
      String token = null;
      if (login) {
        AdminClient.Response loggedIn = admin.client().login(email, password);
        if (!loggedIn.ok()) {
          throw new AdminFailure(loggedIn);
        }
        token = loggedIn.body().path("accessToken").asText();
      }
      traders.add(new ReadyTrader(trader, token));
    }
    return traders;
  }

  private AdminClient.Response call(String method, String path, Map<String, ?> body, boolean mustSucceed)
      throws Exception {
    AdminClient.Response response = admin.client().send(method, path, body, admin.token());
    if (mustSucceed && !response.ok()) {
      throw new AdminFailure(response);
    }
    return response;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
