package castle.gateway.binance.orders;

import castle.gateway.api.ApiException;
import castle.gateway.binance.views.ExecutionViews;
import castle.gateway.binance.views.OrderJson;
import castle.orders.RejectReason;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import java.util.List;

/**
 * Turns a command's executions into the answer Binance would give: the order's final state (with
 * its fills for FULL), each canceled order for cancels, or the matching 4xx when the command was
 * rejected, with the code {@link RejectReason} gives its reason (-2010 for any other reason).
 */
final class Outcomes {

  private Outcomes() {}

  /** The answer to a new order: RESULT, or FULL with every fill. */
  static OrderJson placed(List<Execution> events, ResponseType type) {
    Execution last = completed(events);
    OrderJson order = OrderJson.of(ExecutionViews.order(last)).withTransactTime(last.getTransactTime());
    if (type != ResponseType.FULL) {
      return order;
    }
    return order.withFills(events.stream()
        .filter(e -> e.getExecutionType() == ExecutionType.TRADE)
        .map(ExecutionViews::fill)
        .toList());
  }

  /** The orders a cancel (or cancel-all) canceled, as it answers them. */
  static List<OrderJson> canceled(List<Execution> events, String cancelClientOrderId) {
    completed(events);
    return events.stream()
        .filter(e -> e.getExecutionType() == ExecutionType.CANCELED)
        .map(e -> OrderJson.of(ExecutionViews.order(e))
            .withTransactTime(e.getTransactTime())
            .asCanceledBy(cancelClientOrderId))
        .toList();
  }

  /** The order a cancel canceled; -2011 if, against the contract, the outcome names none. */
  static OrderJson canceledOne(List<Execution> events, String cancelClientOrderId) {
    return canceled(events, cancelClientOrderId).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.rejected(RejectReason.UNKNOWN_ORDER));
  }

  private static Execution completed(List<Execution> events) {
    Execution last = events.get(events.size() - 1);
    if (last.getExecutionType() == ExecutionType.REJECTED) {
      String reason = last.getReason();
      throw RejectReason.ofMessage(reason)
          .map(ApiException::rejected)
          .orElseGet(() -> new ApiException(400, -2010, reason.isEmpty() ? "Order was rejected." : reason));
    }
    return last;
  }
}
