package castle.matching.state;

import castle.matching.book.Order;
import castle.schema.matching.BookOrder;
import castle.schema.orders.Side;

/** Converts between the engine's live {@link Order} and its stored form, {@link BookOrder}. */
public final class BookRecords {

  private static final char KEY_SEPARATOR = '|';

  private BookRecords() {}

  /** The key of an order in the orders store: symbol, a separator no symbol contains, order id. */
  public static String orderKey(String symbol, long orderId) {
    return symbol + KEY_SEPARATOR + orderId;
  }

  /** The stored form of a live order. */
  public static BookOrder toRecord(String symbol, Order o) {
    return new BookOrder(
        symbol, o.orderId(), o.accountId(), o.commandId(), o.clientOrderId(), o.buy() ? Side.BUY : Side.SELL,
        o.type(), o.timeInForce(), o.price(), o.origQty(), o.quoteOrderQty(), o.stopPrice(),
        o.selfTradePrevention(), o.reserved(), o.makerFeePpm(), o.takerFeePpm(), o.orderTime(), o.sequence(),
        o.working(), o.leaves(), o.cumQty(), o.cumQuote());
  }

  /** The live order a stored record describes. */
  public static Order fromRecord(BookOrder r) {
    return new Order(
            r.getOrderId(), r.getAccountId(), r.getCommandId(), r.getClientOrderId(), r.getSide() == Side.BUY,
            r.getType(), r.getTimeInForce(), r.getPrice(), r.getOrigQty(), r.getQuoteOrderQty(),
            r.getStopPrice(), r.getSelfTradePreventionMode(), r.getReserved(), r.getMakerFeePpm(),
            r.getTakerFeePpm(), r.getOrderTime())
        .restore(r.getSequence(), r.getWorking(), r.getLeavesQty(), r.getCumQty(), r.getCumQuoteQty());
  }
}
