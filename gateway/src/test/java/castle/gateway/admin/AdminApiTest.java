package castle.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.fixture.Http;
import castle.gateway.fixture.IdentityStack;
import castle.gateway.fixture.Symbols;
import castle.gateway.fixture.Users;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP: who may use it, users and KYC, symbols, money, and one-call traders. */
class AdminApiTest {

  private final IdentityStack stack = IdentityStack.get();
  private final Http http = stack.http();
  private final String admin = Users.adminToken();

  @Test
  void ordinaryUsersAreForbiddenAndAnonymousCallersUnauthenticated() {
    String user = Users.userToken("plain");
    String someone = IdentityStack.uniqueEmail("target");
    List<String[]> routes = List.of(
        new String[] {"POST", "/v1/admin/users"},
        new String[] {"GET", "/v1/admin/users/" + someone},
        new String[] {"POST", "/v1/admin/users/" + someone + "/kyc"},
        new String[] {"POST", "/v1/admin/users/" + someone + "/kyc/decision"},
        new String[] {"POST", "/v1/admin/users/" + someone + "/fee-tier"},
        new String[] {"POST", "/v1/admin/users/" + someone + "/api-keys"},
        new String[] {"POST", "/v1/admin/deposits"},
        new String[] {"POST", "/v1/admin/withdrawals"},
        new String[] {"POST", "/v1/admin/withdrawals/wd-1/complete"},
        new String[] {"GET", "/v1/admin/symbols"},
        new String[] {"POST", "/v1/admin/symbols"},
        new String[] {"PATCH", "/v1/admin/symbols/BTCUSDT"},
        new String[] {"POST", "/v1/admin/symbols/BTCUSDT/halt"},
        new String[] {"POST", "/v1/admin/traders"});
    long before = stack.writtenRecords();
    String body = "{\"email\":\"" + someone + "\",\"approved\":true,\"tier\":1,\"asset\":\"BTC\",\"amount\":\"1\"}";

    for (String[] route : routes) {
      Http.Response asUser = http.send(route[0], route[1], "application/json", body, user);
      Http.Response anonymous = http.send(route[0], route[1], "application/json", body, null);
      assertThat(asUser.status()).as("%s %s as a user", route[0], route[1]).isEqualTo(403);
      assertThat(asUser.json().get("code").asInt()).isEqualTo(-1002);
      assertThat(anonymous.status()).as("%s %s anonymously", route[0], route[1]).isEqualTo(401);
      assertThat(anonymous.json().get("code").asInt()).isEqualTo(-1002);
    }
    assertThat(stack.writtenRecords()).as("records written by refused admin requests").isEqualTo(before);
  }

  @Test
  void anAdminTakesAUserThroughKycFeeTiersAndApiKeys() {
    String email = IdentityStack.uniqueEmail("olivia");
    assertThat(http.post("/v1/admin/users", Map.of("email", email), admin).status()).isEqualTo(200);
    String path = "/v1/admin/users/" + email;

    assertThat(http.post(path + "/kyc", kyc(), admin).json().get("kycStatus").asText()).isEqualTo("PENDING");
    JsonNode rejected = http.post(path + "/kyc/decision", Map.of("approved", false, "reason", "document unreadable"), admin).json();
    assertThat(rejected.get("kycStatus").asText()).isEqualTo("REJECTED");
    assertThat(http.post(path + "/kyc", kyc(), admin).json().get("kycStatus").asText()).isEqualTo("PENDING");
    JsonNode approved = http.post(path + "/kyc/decision", Map.of("approved", true, "tier", 2), admin).json();
    assertThat(approved.get("kycStatus").asText()).isEqualTo("VERIFIED");
    assertThat(approved.get("kycTier").asInt()).isEqualTo(2);
    assertThat(http.post(path + "/kyc/decision", Map.of("approved", true, "tier", 3), admin).json().get("code").asInt())
        .isEqualTo(-7005);

    assertThat(http.post(path + "/fee-tier", Map.of("feeTier", 3), admin).json().get("feeTier").asInt()).isEqualTo(3);

    JsonNode key = http.post(path + "/api-keys", Map.of("permission", "TRADE", "label", "desk"), admin).json();
    String apiKey = key.get("apiKey").asText();
    assertThat(key.get("secretKey").asText()).hasSize(64);
    assertThat(stack.api().apiKeys().active(apiKey)).isPresent();
    assertThat(http.get(path + "/api-keys", admin).body()).contains(apiKey).doesNotContain(key.get("secretKey").asText());
    assertThat(http.delete(path + "/api-keys/" + apiKey, admin).status()).isEqualTo(200);
    assertThat(stack.api().apiKeys().active(apiKey)).isEmpty();

    JsonNode profile = http.get(path, admin).json();
    assertThat(profile.get("kycDecidedBy").asText()).startsWith("admin-");
    assertThat(profile.get("kyc").get("country").asText()).isEqualTo("ZZ");
    assertThat(profile.get("feeTier").asInt()).isEqualTo(3);
  }

  @Test
  void symbolsAreCheckedPublishedUpdatedHaltedAndResumed() {
    String base = IdentityStack.uniqueAsset("B");
    String quote = IdentityStack.uniqueAsset("Q");
    String symbol = base + quote;

    JsonNode created = http.post("/v1/admin/symbols", Symbols.btcLike(base, quote), admin).json();
    assertThat(created.get("symbol").asText()).isEqualTo(symbol);
    assertThat(created.get("status").asText()).isEqualTo("TRADING");
    assertThat(created.get("tickSize").asText()).isEqualTo("0.01000000");
    assertThat(created.get("selfTradePreventionMode").asText()).isEqualTo("EXPIRE_MAKER");
    assertThat(http.get("/v1/admin/symbols/" + symbol, admin).json().get("minQty").asText()).isEqualTo("0.00001000");
    assertThat(http.get("/v1/admin/symbols", admin).body()).contains("\"" + symbol + "\"");

    assertThat(http.post("/v1/admin/symbols", Symbols.btcLike(base, quote), admin).json().get("code").asInt()).isEqualTo(-7203);
    assertThat(http.patch("/v1/admin/symbols/" + symbol, Map.of("minNotional", "10"), admin).json().get("minNotional").asText())
        .isEqualTo("10.00000000");
    assertThat(http.patch("/v1/admin/symbols/" + symbol, Map.of("baseScale", 2), admin).json().get("code").asInt()).isEqualTo(-1106);
    assertThat(http.post("/v1/admin/symbols/" + symbol + "/halt", Map.of(), admin).json().get("status").asText()).isEqualTo("HALT");
    assertThat(http.post("/v1/admin/symbols/" + symbol + "/resume", Map.of(), admin).json().get("status").asText()).isEqualTo("TRADING");
  }

  @Test
  void badSymbolConfigurationsAreRefusedWithTheirProblemsAndNotPublished() {
    String base = IdentityStack.uniqueAsset("B");
    String quote = IdentityStack.uniqueAsset("Q");
    http.post("/v1/admin/symbols", Symbols.btcLike(base, quote), admin);
    long before = stack.writtenRecords();

    Map<String, Object> crossed = new HashMap<>(Symbols.btcLike(IdentityStack.uniqueAsset("B"), quote));
    crossed.put("minPrice", "2000000");
    Map<String, Object> otherScale = new HashMap<>(Symbols.btcLike(base, IdentityStack.uniqueAsset("Q")));
    otherScale.put("baseScale", 6);
    otherScale.put("stepSize", "0.001");
    otherScale.put("minQty", "0.001");

    Http.Response crossedAnswer = http.post("/v1/admin/symbols", crossed, admin);
    Http.Response otherScaleAnswer = http.post("/v1/admin/symbols", otherScale, admin);

    assertThat(crossedAnswer.json().get("code").asInt()).isEqualTo(-7204);
    assertThat(crossedAnswer.json().get("msg").asText()).contains("need 0 < minPrice <= maxPrice");
    assertThat(otherScaleAnswer.json().get("code").asInt()).isEqualTo(-7204);
    assertThat(otherScaleAnswer.json().get("msg").asText()).contains(base + " has scale 8 in other symbols");
    assertThat(stack.writtenRecords()).isEqualTo(before);
  }

  @Test
  void depositsAndWithdrawalsAnswerWithTheirOutcome() {
    String base = IdentityStack.uniqueAsset("B");
    http.post("/v1/admin/symbols", Symbols.btcLike(base, IdentityStack.uniqueAsset("Q")), admin);
    String email = IdentityStack.uniqueEmail("peggy");
    http.post("/v1/admin/users", Map.of("email", email), admin);

    JsonNode deposit = http.post("/v1/admin/deposits",
        Map.of("email", email, "asset", base, "amount", "1.5", "depositId", "dep-" + email), admin).json();
    assertThat(deposit.get("accepted").asBoolean()).isTrue();
    assertThat(deposit.get("kind").asText()).isEqualTo("DEPOSIT");
    assertThat(deposit.get("amount").asText()).isEqualTo("1.50000000");
    assertThat(deposit.get("email").asText()).isEqualTo(email);
    Http.Response repeated = http.post("/v1/admin/deposits",
        Map.of("email", email, "asset", base, "amount", "1.5", "depositId", "dep-" + email), admin);
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.json().get("code").asInt()).isEqualTo(-7202);

    JsonNode requested = http.post("/v1/admin/withdrawals",
        Map.of("email", email, "asset", base, "amount", "1", "address", "bc1qexample", "withdrawalId", "wd-a-" + email), admin).json();
    assertThat(requested.get("kind").asText()).isEqualTo("WITHDRAWAL_REQUEST");
    JsonNode completed = http.post("/v1/admin/withdrawals/wd-a-" + email + "/complete", Map.of("email", email, "reference", "txid-1"), admin).json();
    assertThat(completed.get("kind").asText()).isEqualTo("WITHDRAWAL_COMPLETE");
    assertThat(completed.get("amount").asText()).isEqualTo("1.00000000");

    http.post("/v1/admin/withdrawals",
        Map.of("email", email, "asset", base, "amount", "0.5", "address", "bc1qexample", "withdrawalId", "wd-b-" + email), admin);
    JsonNode cancelled = http.post("/v1/admin/withdrawals/wd-b-" + email + "/cancel", Map.of("email", email, "reason", "address typo"), admin).json();
    assertThat(cancelled.get("kind").asText()).isEqualTo("WITHDRAWAL_CANCEL");
    assertThat(cancelled.get("accepted").asBoolean()).isTrue();
  }

  @Test
  void aTraderIsVerifiedFundedAndKeyedInOneCall() {
    String base = IdentityStack.uniqueAsset("B");
    String quote = IdentityStack.uniqueAsset("Q");
    http.post("/v1/admin/symbols", Symbols.btcLike(base, quote), admin);
    String email = IdentityStack.uniqueEmail("trent");

    Http.Response trader = http.post("/v1/admin/traders",
        Map.of("email", email, "deposits", Map.of(base, "1", quote, "100000"), "apiKey", "TRADE"), admin);

    assertThat(trader.status()).as(trader.body()).isEqualTo(200);
    JsonNode json = trader.json();
    assertThat(json.get("user").get("kycStatus").asText()).isEqualTo("VERIFIED");
    assertThat(json.get("user").get("kycTier").asInt()).isEqualTo(1);
    assertThat(json.get("deposits")).hasSize(2);
    Map<String, String> credited = new HashMap<>();
    json.get("deposits").forEach(d -> credited.put(d.get("asset").asText(), d.get("amount").asText()));
    assertThat(credited).containsExactlyInAnyOrderEntriesOf(Map.of(base, "1.00000000", quote, "100000.00000000"));
    String apiKey = json.get("apiKey").get("apiKey").asText();
    assertThat(json.get("apiKey").get("permission").asText()).isEqualTo("TRADE");
    assertThat(stack.api().apiKeys().active(apiKey)).isPresent();
  }

  @Test
  void aTraderWithAnUnknownAssetIsRefusedBeforeAnythingIsWritten() {
    long before = stack.writtenRecords();
    String email = IdentityStack.uniqueEmail("victor");

    Http.Response trader = http.post("/v1/admin/traders", Map.of("email", email, "deposits", Map.of("NOSUCHCOIN", "1")), admin);

    assertThat(trader.status()).isEqualTo(400);
    assertThat(trader.json().get("code").asInt()).isEqualTo(-7201);
    assertThat(stack.writtenRecords()).isEqualTo(before);
    assertThat(http.get("/v1/admin/users/" + email, admin).status()).isEqualTo(404);
  }

  private static Map<String, Object> kyc() {
    return Map.of("fullName", "Olivia Smith", "country", "ZZ", "dateOfBirth", "1990-01-01", "documentReference", "vault://kyc/olivia");
  }
}
