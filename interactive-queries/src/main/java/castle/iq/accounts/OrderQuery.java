package castle.iq.accounts;

import castle.accounts.query.AccountQueries;
import castle.schema.accounts.OrderState;
import java.util.Optional;

/** {@code accounts.order}: one order, open or final, by orderId or by its client id. */
final class OrderQuery extends AccountStoreQuery<OrderList> {

  static final String NAME = "accounts.order";

  OrderQuery() {
    super(NAME, OrderList.class);
  }

  @Override
  OrderList answer(AccountQueries queries, long accountId, QueryParams params) {
    String symbol = params.required(QueryParams.SYMBOL);
    String clientOrderId = params.optional(QueryParams.CLIENT_ORDER_ID);
    Optional<OrderState> order = clientOrderId != null
        ? queries.orderByClientOrderId(accountId, symbol, clientOrderId)
        : queries.order(accountId, symbol, params.optionalLong(QueryParams.ORDER_ID).orElse(0));
    return new OrderList(order.map(AccountViews::order).stream().toList());
  }
}
