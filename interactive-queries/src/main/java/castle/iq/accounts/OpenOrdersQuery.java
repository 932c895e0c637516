package castle.iq.accounts;

import castle.accounts.query.AccountQueries;
import castle.schema.accounts.OrderState;
import java.util.List;

/** {@code accounts.open-orders}: the account's orders not yet final, on one symbol or all. */
final class OpenOrdersQuery extends AccountStoreQuery<OrderList> {

  static final String NAME = "accounts.open-orders";

  OpenOrdersQuery() {
    super(NAME, OrderList.class);
  }

  @Override
  OrderList answer(AccountQueries queries, long accountId, QueryParams params) {
    String symbol = params.optional(QueryParams.SYMBOL);
    List<OrderState> open = symbol == null ? queries.openOrders(accountId) : queries.openOrders(accountId, symbol);
    return new OrderList(open.stream().map(AccountViews::order).toList());
  }
}
