package castle.gateway.binance;

import static castle.gateway.binance.SignedRequestsHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.accounts.AccountsApp;
import castle.accounts.config.AccountsConfig;
import castle.accounts.store.AccountStores;
import castle.gateway.binance.TestGateway.Reply;
import castle.gateway.binance.limits.RateLimitSettings;
import castle.iq.QueryRouter;
import castle.matching.MatchingApp;
import castle.matching.MatchingStores;
import castle.matching.MatchingTopics;
import castle.matching.book.FastOrderBook;
import castle.schema.users.ApiPermission;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.wallet.Deposit;
import castle.schema.wallet.WalletCommand;
import castle.topics.Keys;
import castle.topics.Topics;
import castle.topology.TopicNames;
import castle.topology.StreamsEnvironment;
import castle.topology.runtime.StreamsRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real orders through the whole pipeline: the gateway writes the command, the real accounts app
 * reserves funds, the real matching app trades, accounts settles, and the gateway answers FULL with
 * the fills and serves orders, trades and balances from accounts' stores through interactive
 * queries. Two traders, each only ever seeing and touching their own orders.
 */
class EndToEndTest {

  static final long SELLER = 5001;
  static final long BUYER = 5002;
  static final String SELLER_KEY = "e2eSellerKey0000000000000000000000000000000000000000000000000001";
  static final String BUYER_KEY = "e2eBuyerKey00000000000000000000000000000000000000000000000000001";
  static final String SECRET = "e2e-secret";
  static final Duration SETTLE = Duration.ofSeconds(30);

  @TempDir static Path stateDir;
  static TestTopics topics;
  static StreamsRuntime streams;
  static TestGateway gateway;
  static TestGateway impatient;

  @BeforeAll
  static void start() throws Exception {
    topics = TestTopics.createAll("e2e");
    int port = freePort();
    streams = StreamsRuntime.start(
        List.of(
            new AccountsApp(AccountsConfig.defaults(), TopicNames.prefixed(topics.prefix)),
            new MatchingApp(FastOrderBook::new, MatchingTopics.prefixed(topics.prefix))),
        StreamsEnvironment.local(TestTopics.kafka(), stateDir, "127.0.0.1:" + port),
        new SimpleMeterRegistry(),
        Duration.ofSeconds(10));
    assertThat(streams.awaitRunning(Duration.ofSeconds(60))).isTrue();
    QueryRouter router = new QueryRouter(
        streams.apps(), new HostInfo("127.0.0.1", port), "e2e-token", TestGateway.JSON, Duration.ofSeconds(5));

    topics.publish(TestMarkets.btcusdt());
    topics.publish(TestMarkets.key(SELLER_KEY, SECRET, SELLER, ApiPermission.TRADE, false));
    topics.publish(TestMarkets.key(BUYER_KEY, SECRET, BUYER, ApiPermission.TRADE, false));
    gateway = TestGateway.start(topics,
        new BinanceSettings(7, SETTLE, RateLimitSettings.binance(), topics::name, Clock.systemUTC()), router, port);
    // No outcome can cross both stages in a millisecond: this gateway's answers are always -1007.
    impatient = TestGateway.start(topics,
        new BinanceSettings(8, Duration.ofMillis(1), RateLimitSettings.binance(), topics::name, Clock.systemUTC()), router, 0);
    await().atMost(SETTLE).ignoreExceptions().until(() ->
        store(streams.apps().get(AccountsApp.NAME), AccountStores.SYMBOLS).get("BTCUSDT") != null
            && store(streams.apps().get("matching"), MatchingStores.SYMBOLS).get("BTCUSDT") != null);

    verifiedTrader(SELLER);
    verifiedTrader(BUYER);
    await().atMost(SETTLE).untilAsserted(() -> {
      assertThat(account(SELLER_KEY).path("canTrade").asBoolean()).isTrue();
      assertThat(account(BUYER_KEY).path("canTrade").asBoolean()).isTrue();
    });
    deposit(SELLER, "seller-btc", "BTC", 100_000_000L);
    deposit(BUYER, "buyer-usdt", "USDT", 10_000_000_000_000L);
    await().atMost(SETTLE).untilAsserted(() -> {
      assertThat(balance(account(SELLER_KEY), "BTC").path("free").asText()).isEqualTo("1.00000000");
      assertThat(balance(account(BUYER_KEY), "USDT").path("free").asText()).isEqualTo("100000.00000000");
    });
  }

  @AfterAll
  static void stop() {
    impatient.close();
    gateway.close();
    streams.close();
  }

  @Test
  void aRealOrderTradesSettlesAndIsReadBackByItsOwnerOnly() throws Exception {
    Reply ask = order(SELLER_KEY, "side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=30000"
        + "&newClientOrderId=ask-1&newOrderRespType=RESULT");
    assertThat(ask.status()).as(ask.body().toString()).isEqualTo(200);
    assertThat(ask.body().path("status").asText()).isEqualTo("NEW");
    long askId = ask.body().path("orderId").asLong();
    assertThat(balance(account(SELLER_KEY), "BTC").path("locked").asText()).isEqualTo("0.50000000");

    Reply bid = order(BUYER_KEY, "side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.2&price=30100"
        + "&newClientOrderId=bid-1&newOrderRespType=FULL");
    JsonNode full = bid.body();
    assertThat(bid.status()).as(full.toString()).isEqualTo(200);
    assertThat(full.path("status").asText()).isEqualTo("FILLED");
    assertThat(full.path("executedQty").asText()).isEqualTo("0.20000000");
    assertThat(full.path("cummulativeQuoteQty").asText()).isEqualTo("6000.00000000");
    assertThat(full.path("fills")).hasSize(1);
    JsonNode fill = full.path("fills").get(0);
    assertThat(fill.path("price").asText()).as("trades at the maker's price").isEqualTo("30000.00000000");
    assertThat(fill.path("qty").asText()).isEqualTo("0.20000000");
    assertThat(fill.path("commission").asText()).as("0.1% of the bought BTC").isEqualTo("0.00020000");
    assertThat(fill.path("commissionAsset").asText()).isEqualTo("BTC");

    await().atMost(SETTLE).untilAsserted(() -> {
      JsonNode buyer = account(BUYER_KEY);
      assertThat(balance(buyer, "BTC").path("free").asText()).isEqualTo("0.19980000");
      assertThat(balance(buyer, "USDT").path("free").asText()).as("price improvement returned").isEqualTo("94000.00000000");
      assertThat(balance(buyer, "USDT").path("locked").asText()).isEqualTo("0.00000000");
      JsonNode seller = account(SELLER_KEY);
      assertThat(balance(seller, "BTC").path("free").asText()).isEqualTo("0.50000000");
      assertThat(balance(seller, "BTC").path("locked").asText()).isEqualTo("0.30000000");
      assertThat(balance(seller, "USDT").path("free").asText()).isEqualTo("5994.00000000");
    });
    JsonNode buyerAccount = account(BUYER_KEY);
    assertThat(buyerAccount.path("permissions").toString()).isEqualTo("[\"SPOT\"]");
    assertThat(buyerAccount.path("commissionRates").path("taker").asText()).isEqualTo("0.00100000");
    assertThat(buyerAccount.path("makerCommission").asInt()).isEqualTo(10);

    JsonNode trades = read(BUYER_KEY, "/api/v3/myTrades", "symbol=BTCUSDT").body();
    assertThat(trades).hasSize(1);
    assertThat(trades.get(0).path("isBuyer").asBoolean()).isTrue();
    assertThat(trades.get(0).path("isMaker").asBoolean()).isFalse();
    assertThat(trades.get(0).path("commission").asText()).isEqualTo("0.00020000");
    assertThat(trades.get(0).has("m") || trades.get(0).has("isBuyerMaker") || trades.get(0).has("side")).isFalse();
    assertThat(read(SELLER_KEY, "/api/v3/myTrades", "symbol=BTCUSDT").body().get(0).path("id").asLong())
        .as("both sides see the same trade id").isEqualTo(trades.get(0).path("id").asLong());

    JsonNode resting = read(SELLER_KEY, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=ask-1").body();
    assertThat(resting.path("status").asText()).isEqualTo("PARTIALLY_FILLED");
    assertThat(resting.path("executedQty").asText()).isEqualTo("0.20000000");
    assertThat(read(SELLER_KEY, "/api/v3/openOrders", "symbol=BTCUSDT").body().findValuesAsText("clientOrderId"))
        .containsExactly("ask-1");

    assertError(read(BUYER_KEY, "/api/v3/order", "symbol=BTCUSDT&orderId=" + askId), 400, -2013, "Order does not exist.");
    assertError(cancel(BUYER_KEY, "symbol=BTCUSDT&orderId=" + askId), 400, -2011, "Unknown order sent.");
    assertThat(read(BUYER_KEY, "/api/v3/openOrders", "").body()).isEmpty();

    Reply canceled = cancel(SELLER_KEY, "symbol=BTCUSDT&origClientOrderId=ask-1");
    assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
    assertThat(canceled.body().path("status").asText()).isEqualTo("CANCELED");
    assertThat(canceled.body().path("origClientOrderId").asText()).isEqualTo("ask-1");
    assertThat(canceled.body().path("executedQty").asText()).isEqualTo("0.20000000");
    assertError(cancel(SELLER_KEY, "symbol=BTCUSDT&origClientOrderId=ask-1"), 400, -2011, "Unknown order sent.");
    await().atMost(SETTLE).untilAsserted(() -> {
      assertThat(read(SELLER_KEY, "/api/v3/order", "symbol=BTCUSDT&orderId=" + askId).body().path("status").asText())
          .as("final orders stay queryable").isEqualTo("CANCELED");
      assertThat(balance(account(SELLER_KEY), "BTC").path("free").asText()).isEqualTo("0.80000000");
    });
    assertThat(read(SELLER_KEY, "/api/v3/allOrders", "symbol=BTCUSDT").body().findValuesAsText("orderId"))
        .contains(Long.toString(askId));
  }

  @Test
  void aRejectionByAccountsIsTheContractsError() throws Exception {
    Reply tooBig = order(SELLER_KEY, "side=SELL&type=LIMIT&timeInForce=GTC&quantity=2&price=30000&newOrderRespType=FULL");

    assertError(tooBig, 400, -2010, "Account has insufficient balance for requested action.");
  }

  @Test
  void anOrderWhoseOutcomeWasUnknownInTimeIsLaterReadBackInItsRealState() throws Exception {
    String lockedBefore = balance(account(SELLER_KEY), "BTC").path("locked").asText();

    Reply unknown = impatient.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC"
        + "&quantity=0.01&price=45000&newClientOrderId=late-1&newOrderRespType=RESULT", SELLER_KEY, SECRET);

    assertError(unknown, 408, -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    // The client asks for the order by its own id, as the contract tells it to, and gets the real order
    await().atMost(SETTLE).untilAsserted(() -> {
      Reply order = read(SELLER_KEY, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=late-1");
      assertThat(order.status()).as(order.body().toString()).isEqualTo(200);
      assertThat(order.body().path("status").asText()).isEqualTo("NEW");
    });
    JsonNode order = read(SELLER_KEY, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=late-1").body();
    assertThat(order.path("side").asText()).isEqualTo("SELL");
    assertThat(order.path("price").asText()).isEqualTo("45000.00000000");
    assertThat(order.path("origQty").asText()).isEqualTo("0.01000000");
    assertThat(order.path("executedQty").asText()).isEqualTo("0.00000000");
    long orderId = order.path("orderId").asLong();
    assertThat(read(SELLER_KEY, "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId).body().path("clientOrderId").asText())
        .isEqualTo("late-1");
    // ...and it is live in the book: a cancel finds it, and its reservation goes back
    Reply canceled = cancel(SELLER_KEY, "symbol=BTCUSDT&orderId=" + orderId);
    assertThat(canceled.body().path("status").asText()).as(canceled.body().toString()).isEqualTo("CANCELED");
    await().atMost(SETTLE).untilAsserted(() ->
        assertThat(balance(account(SELLER_KEY), "BTC").path("locked").asText()).isEqualTo(lockedBefore));
  }

  @Test
  void cancelAllCancelsEveryOpenOrderOfTheSymbol() throws Exception {
    order(SELLER_KEY, "side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.01&price=40000&newOrderRespType=RESULT");
    order(SELLER_KEY, "side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.01&price=40001&newOrderRespType=RESULT");

    Reply canceled = gateway.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT&newClientOrderId=all-1", SELLER_KEY, SECRET);

    assertThat(canceled.status()).as(canceled.body().toString()).isEqualTo(200);
    assertThat(canceled.body().findValuesAsText("status")).containsOnly("CANCELED");
    assertThat(canceled.body().findValuesAsText("price")).contains("40000.00000000", "40001.00000000");
  }

  private static Reply order(String key, String params) throws Exception {
    return gateway.signed("POST", "/api/v3/order", "symbol=BTCUSDT&" + params, key, SECRET);
  }

  private static Reply cancel(String key, String params) throws Exception {
    return gateway.signed("DELETE", "/api/v3/order", params, key, SECRET);
  }

  private static Reply read(String key, String path, String params) throws Exception {
    return gateway.signed("GET", path, params, key, SECRET);
  }

  private static JsonNode account(String key) throws Exception {
    Reply reply = read(key, "/api/v3/account", "");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body();
  }

  private static JsonNode balance(JsonNode account, String asset) {
    for (JsonNode balance : account.path("balances")) {
      if (balance.path("asset").asText().equals(asset)) {
        return balance;
      }
    }
    throw new AssertionError("no " + asset + " in " + account);
  }

  private static void verifiedTrader(long accountId) throws Exception {
    for (UserEventType type : List.of(UserEventType.REGISTERED, UserEventType.KYC_APPROVED)) {
      boolean approved = type == UserEventType.KYC_APPROVED;
      topics.publish(Topics.USER_EVENTS, Keys.account(accountId), UserEvent.newBuilder()
          .setUserId(accountId).setEmail(accountId + "@castle.test").setCommandId(accountId * 10 + type.ordinal())
          .setType(type).setRole(Role.USER).setKycStatus(approved ? KycStatus.VERIFIED : KycStatus.NONE)
          .setKycTier(approved ? 1 : 0).setFeeTier(0).setTime(System.currentTimeMillis())
          .build());
    }
  }

  private static void deposit(long accountId, String depositId, String asset, long amount) throws Exception {
    topics.publish(Topics.WALLET_COMMANDS, Keys.account(accountId),
        new WalletCommand(accountId * 100, accountId, new Deposit(depositId, asset, amount, 8, null)));
  }

  private static org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, Object> store(KafkaStreams app, String name) {
    return app.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
