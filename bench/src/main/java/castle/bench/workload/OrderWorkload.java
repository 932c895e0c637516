package castle.bench.workload;

import castle.bench.binance.BinanceClient;
import castle.bench.binance.Reply;
import castle.bench.load.LoadGenerator;
import castle.bench.stream.PendingOrders;
import castle.bench.workload.OrderMix.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The trading load: each scheduled request is the next order or cancel of the next trader, signed
 * and sent through the Binance API. Its latency is recorded from the request's intended start, into
 * the ACK, FULL or cancel channel; failures are counted by their Binance code.
 */
public final class OrderWorkload implements LoadGenerator.Request {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BinanceClient client;
  private final List<Trader> traders;
  private final OrderFactory factory;
  private final PendingOrders pending;
  private final Outcomes outcomes;
  private final SplittableRandom random;
  /** Numbers requests across the warm-up and every step, so client order ids never repeat in a run. */
  private long sequence;

  /**
   * @param pending where stream latencies are matched, or null when streams are not measured
   * @param seed the random seed, so a run can be repeated
   */
  public OrderWorkload(
      BinanceClient client, List<Trader> traders, OrderFactory factory, PendingOrders pending, Outcomes outcomes, long seed) {
    this.client = client;
    this.traders = List.copyOf(traders);
    this.factory = factory;
    this.pending = pending;
    this.outcomes = outcomes;
    this.random = new SplittableRandom(seed);
  }

  /** Sends the next request; called by the load generator's single thread. */
  @Override
  public CompletableFuture<?> send(long index, long intendedNanos) {
    long number = sequence++;
    Trader trader = traders.get((int) (number % traders.size()));
    OrderRequest request = factory.next(number, trader, random);
    if (pending != null && request.action() != Action.CANCEL) {
      pending.submitted(request.clientOrderId(), intendedNanos);
    }
    return client.signed(request.method(), OrderRequest.PATH, trader.credentials(), request.params())
        .thenAccept(reply -> record(request, trader, reply, intendedNanos, System.nanoTime()));
  }

  private void record(OrderRequest request, Trader trader, Reply reply, long intendedNanos, long nowNanos) {
    if (reply.ok()) {
      (request.action() == Action.CANCEL ? outcomes.cancel() : request.full() ? outcomes.full() : outcomes.ack())
          .record(intendedNanos, nowNanos);
      rememberResting(request, trader, reply);
      return;
    }
    JsonNode error = errorBody(reply);
    String code = error.path("code").asText(null);
    if (request.action() == Action.CANCEL && "-2011".equals(code)) {
      outcomes.expected().add("cancel of an order that had filled (-2011)");
    } else if (reply.status() == 0) {
      outcomes.errors().add("transport failure");
    } else {
      outcomes.errors().add((code == null ? "" : code + " ") + "(HTTP " + reply.status() + ") "
          + error.path("msg").asText(""));
    }
  }

  /** A GTC order that may rest is remembered for a later cancel; a FULL answer says whether it did. */
  private static void rememberResting(OrderRequest request, Trader trader, Reply reply) {
    if (request.action() != Action.PASSIVE && request.action() != Action.CROSS) {
      return;
    }
    try {
      JsonNode body = JSON.readTree(reply.body());
      String status = body.path("status").asText("NEW");
      if (status.equals("NEW") || status.equals("PARTIALLY_FILLED")) {
        trader.resting(request.symbol(), body.path("orderId").asLong());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable order answer: " + reply.body(), e);
    }
  }

  /** The {@code {code, msg}} body of an error answer, or an empty object when it has none. */
  private static JsonNode errorBody(Reply reply) {
    if (reply.status() != 0) {
      try {
        return JSON.readTree(reply.body());
      } catch (IOException e) {
        // Not JSON: the status alone describes it.
      }
    }
    return JSON.createObjectNode();
  }
}
