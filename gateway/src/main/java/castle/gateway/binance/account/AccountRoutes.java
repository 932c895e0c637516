package castle.gateway.binance.account;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.gateway.binance.auth.Caller;
import castle.gateway.binance.auth.SecurityType;
import castle.gateway.binance.auth.SignedRequests;
import castle.gateway.binance.symbols.SymbolDirectory;
import castle.gateway.binance.views.AccountJson;
import castle.gateway.binance.views.OrderJson;
import castle.gateway.binance.views.TradeJson;
import castle.iq.StoreUnavailableException;
import castle.iq.accounts.AccountReads;
import castle.iq.accounts.OrderView;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The USER_DATA endpoints: {@code GET /api/v3/order}, {@code openOrders}, {@code allOrders},
 * {@code myTrades} and {@code account}. They read accounts' state through interactive queries, always
 * for the caller's own account, so no one sees another account's orders or balances. While that
 * state is moving between instances the answer is 503 (-1001), never a wrong or empty one.
 */
public final class AccountRoutes {

  private final SignedRequests auth;
  private final SymbolDirectory symbols;
  private final AccountReads reads;

  /** Routes reading with {@code reads}. */
  public AccountRoutes(SignedRequests auth, SymbolDirectory symbols, AccountReads reads) {
    this.auth = auth;
    this.symbols = symbols;
    this.reads = reads;
  }

  /** Registers the endpoints' request weights (Binance's). */
  public static void registerWeights(EndpointWeights weights) {
    weights.register("GET", "/api/v3/order", 4);
    weights.register("GET", "/api/v3/openOrders", params -> params.has("symbol") ? 6 : 80);
    weights.register("GET", "/api/v3/allOrders", 20);
    weights.register("GET", "/api/v3/myTrades", params -> params.has("orderId") ? 5 : 20);
    weights.register("GET", "/api/v3/account", 20);
  }

  /** Adds the routes. */
  public void register(JavalinConfig config) {
    config.routes.get("/api/v3/order", reading(this::order));
    config.routes.get("/api/v3/openOrders", reading(this::openOrders));
    config.routes.get("/api/v3/allOrders", reading(this::allOrders));
    config.routes.get("/api/v3/myTrades", reading(this::myTrades));
    config.routes.get("/api/v3/account", reading(this::account));
  }

  private void order(Context ctx, Caller caller, Params params) {
    String symbol = symbols.require(params.symbol()).getSymbol();
    Optional<Long> orderId = params.optionalLong("orderId");
    Optional<String> clientOrderId = params.optional("origClientOrderId");
    Optional<OrderView> order;
    if (orderId.isPresent()) {
      order = reads.order(caller.accountId(), symbol, orderId.get())
          .filter(found -> clientOrderId.isEmpty() || found.clientOrderId().equals(clientOrderId.get()));
    } else if (clientOrderId.isPresent()) {
      order = reads.orderByClientOrderId(caller.accountId(), symbol, clientOrderId.get());
    } else {
      throw ApiException.eitherMissing("orderId", "origClientOrderId");
    }
    ctx.json(OrderJson.of(order.orElseThrow(ApiException::noSuchOrder)));
  }

  private void openOrders(Context ctx, Caller caller, Params params) {
    Optional<String> symbol = params.has("symbol")
        ? Optional.of(symbols.require(params.symbol()).getSymbol())
        : Optional.empty();
    ctx.json(orders(reads.openOrders(caller.accountId(), symbol)));
  }

  private void allOrders(Context ctx, Caller caller, Params params) {
    String symbol = symbols.require(params.symbol()).getSymbol();
    ctx.json(orders(reads.allOrders(caller.accountId(), symbol, HistoryPages.page(params, "orderId"))));
  }

  private void myTrades(Context ctx, Caller caller, Params params) {
    String symbol = symbols.require(params.symbol()).getSymbol();
    OptionalLong orderId = params.optionalLong("orderId").map(OptionalLong::of).orElse(OptionalLong.empty());
    if (orderId.isPresent() && (params.has("startTime") || params.has("endTime"))) {
      throw ApiException.badCombination();
    }
    ctx.json(reads.trades(caller.accountId(), symbol, orderId, HistoryPages.page(params, "fromId")).stream()
        .map(TradeJson::of)
        .toList());
  }

  private void account(Context ctx, Caller caller, Params params) {
    boolean omitZero = params.optional("omitZeroBalances").map(Boolean::parseBoolean).orElse(false);
    ctx.json(AccountJson.of(reads.account(caller.accountId()), omitZero));
  }

  private static List<OrderJson> orders(List<OrderView> orders) {
    return orders.stream().map(OrderJson::of).toList();
  }

  /** A read of the caller's own data. */
  @FunctionalInterface
  private interface Read {
    void answer(Context ctx, Caller caller, Params params);
  }

  private Handler reading(Read read) {
    return ctx -> {
      Caller caller = auth.authenticate(ctx, SecurityType.USER_DATA);
      try {
        read.answer(ctx, caller, Params.of(ctx));
      } catch (StoreUnavailableException e) {
        throw ApiException.backendUnavailable();
      }
    };
  }
}
