package castle.gateway.binance.orders;

import castle.gateway.api.ApiException;
import castle.gateway.api.EndpointWeights;
import castle.gateway.api.Params;
import castle.gateway.binance.auth.Caller;
import castle.gateway.binance.auth.SecurityType;
import castle.gateway.binance.auth.SignedRequests;
import castle.gateway.binance.limits.RateLimits;
import castle.gateway.binance.views.AckJson;
import castle.gateway.ids.IdGenerator;
import castle.schema.orders.CancelAllOrders;
import castle.schema.orders.CancelOrder;
import castle.schema.orders.Execution;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.reference.SymbolConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TRADE endpoints: {@code POST /api/v3/order} (and {@code order/test}, which checks everything
 * and writes nothing), {@code DELETE /api/v3/order} and {@code DELETE /api/v3/openOrders}. Each
 * checked request becomes one command on {@code orders.commands} for the caller's own account, so
 * no one can touch another account's orders. Answers are asynchronous: no request thread waits on
 * Kafka or on the matching engine.
 */
public final class OrderRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(OrderRoutes.class);

  private final SignedRequests auth;
  private final OrderRequests requests;
  private final RateLimits limits;
  private final IdGenerator ids;
  private final CommandPublisher publisher;
  private final CommandOutcomes outcomes;
  private final Clock clock;

  /** Routes that check with {@code requests}, send with {@code publisher} and await with {@code outcomes}. */
  public OrderRoutes(
      SignedRequests auth,
      OrderRequests requests,
      RateLimits limits,
      IdGenerator ids,
      CommandPublisher publisher,
      CommandOutcomes outcomes,
      Clock clock) {
    this.auth = auth;
    this.requests = requests;
    this.limits = limits;
    this.ids = ids;
    this.publisher = publisher;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** Registers the endpoints' request weights (Binance's). */
  public static void registerWeights(EndpointWeights weights) {
    weights.register("POST", "/api/v3/order", 1);
    weights.register("POST", "/api/v3/order/test", 1);
    weights.register("DELETE", "/api/v3/order", 1);
    weights.register("DELETE", "/api/v3/openOrders", 1);
  }

  /** Adds the routes. */
  public void register(JavalinConfig config) {
    config.routes.post("/api/v3/order", ctx -> place(ctx, false));
    config.routes.post("/api/v3/order/test", ctx -> place(ctx, true));
    config.routes.delete("/api/v3/order", this::cancel);
    config.routes.delete("/api/v3/openOrders", this::cancelAll);
  }

  private void place(Context ctx, boolean test) {
    long receivedMicros = micros(clock.instant());
    Caller caller = auth.authenticate(ctx, SecurityType.TRADE);
    NewOrder order = requests.newOrder(Params.of(ctx));
    if (test) {
      ctx.json(Map.of());
      return;
    }
    limits.countOrder(caller.ip(), caller.accountId()).forEach(ctx::header);
    long orderId = ids.next();
    PlaceOrder place = order.toCommand(orderId);
    OrderCommand command = new OrderCommand(ids.next(), caller.accountId(), order.symbol().getSymbol(), place);
    if (order.responseType() == ResponseType.ACK) {
      ctx.future(() -> publisher.publish(command, receivedMicros)
          .handle((sent, error) -> {
            if (error != null) {
              throw sendFailed(command, error);
            }
            return new AckJson(command.getSymbol(), orderId, -1, place.getClientOrderId(), receivedMicros / 1000);
          })
          .thenAccept(ctx::json));
      return;
    }
    answerWithOutcome(ctx, command, receivedMicros, orderId, events -> Outcomes.placed(events, order.responseType()));
  }

  private void cancel(Context ctx) {
    long receivedMicros = micros(clock.instant());
    Caller caller = auth.authenticate(ctx, SecurityType.TRADE);
    OrderRequests.Cancel cancel = requests.cancel(Params.of(ctx));
    long commandId = ids.next();
    String clientOrderId = cancel.clientOrderId().orElse(ClientOrderIds.generated(commandId));
    CancelOrder action = new CancelOrder(cancel.orderId(), cancel.origClientOrderId(), clientOrderId);
    OrderCommand command = new OrderCommand(commandId, caller.accountId(), cancel.symbol().getSymbol(), action);
    answerWithOutcome(ctx, command, receivedMicros, 0, events -> Outcomes.canceledOne(events, clientOrderId));
  }

  private void cancelAll(Context ctx) {
    long receivedMicros = micros(clock.instant());
    Caller caller = auth.authenticate(ctx, SecurityType.TRADE);
    Params params = Params.of(ctx);
    SymbolConfig symbol = requests.symbol(params);
    long commandId = ids.next();
    String clientOrderId = OrderRequests.newClientOrderId(params).orElse(ClientOrderIds.generated(commandId));
    OrderCommand command =
        new OrderCommand(commandId, caller.accountId(), symbol.getSymbol(), new CancelAllOrders(clientOrderId));
    answerWithOutcome(ctx, command, receivedMicros, 0, events -> Outcomes.canceled(events, clientOrderId));
  }

  /**
   * Sends the command, then answers with what {@code answer} makes of its outcome. The wait is
   * registered before the command is sent, so no execution can slip past it.
   *
   * @param orderId the placed order whose executions make the outcome; 0 for cancels
   */
  private void answerWithOutcome(
      Context ctx, OrderCommand command, long receivedMicros, long orderId, Function<List<Execution>, ?> answer) {
    CommandOutcomes.Pending pending = outcomes.expect(command.getCommandId(), command.getAccountId(), orderId);
    ctx.future(() -> publisher.publish(command, receivedMicros)
        .handle((sent, error) -> {
          if (error != null) {
            pending.abandon();
            throw sendFailed(command, error);
          }
          return sent;
        })
        .thenCompose(sent -> pending.outcome())
        .thenApply(answer)
        .thenAccept(ctx::json));
  }

  private static ApiException sendFailed(OrderCommand command, Throwable error) {
    // Kafka may or may not have the command: the client must treat its status as unknown.
    LOG.warn("Command {} of account {} not acknowledged by Kafka: {}",
        command.getCommandId(), command.getAccountId(), error.toString());
    return ApiException.backendTimeout();
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }
}
