package castle.sinks.jdbc.tables;

import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.sinks.jdbc.Row;
import castle.sinks.jdbc.Upsert;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code orders}: the latest state of each order, from its executions. Every execution carries the
 * order's whole state, and matching numbers a symbol's executions without gaps, so a row is replaced
 * only by an execution with a higher {@code execution_id}: a redelivered or late event never turns a
 * filled order back into a new one.
 */
public final class OrdersTable {

  static final String SQL =
      Upsert.into("orders")
          .columns("order_id", "account_id", "symbol", "client_order_id", "side", "type", "time_in_force", "status",
              "price_units", "orig_qty_units", "quote_order_qty_units", "stop_price_units", "cum_qty_units",
              "cum_quote_qty_units", "base_scale", "quote_scale", "is_working", "reason", "last_execution_type",
              "execution_id", "order_time", "updated_at")
          .key("order_id")
          .replaceWhen("orders.execution_id < EXCLUDED.execution_id");

  private OrdersTable() {}

  /**
   * The row of an execution, or empty when it does not describe an order: a rejected cancel leaves
   * the order it named as it was, and a cancel of an unknown order has no order at all.
   */
  public static Optional<Row> row(Execution e) {
    boolean rejectedCancel = e.getCommandKind() != CommandKind.PLACE && e.getExecutionType() == ExecutionType.REJECTED;
    if (e.getOrderId() == 0 || rejectedCancel) {
      return Optional.empty();
    }
    return Optional.of(new Row(SQL, Arrays.asList(e.getOrderId(), e.getAccountId(), e.getSymbol(),
        e.getClientOrderId(), e.getSide().name(), e.getType().name(), e.getTimeInForce().name(),
        e.getStatus().name(), e.getPrice(), e.getOrigQty(), e.getQuoteOrderQty(), e.getStopPrice(), e.getCumQty(),
        e.getCumQuoteQty(), e.getBaseScale(), e.getQuoteScale(), e.getIsWorking(), e.getReason(),
        e.getExecutionType().name(), e.getExecutionId(), Times.at(e.getOrderTime()), Times.at(e.getTransactTime()))));
  }
}
