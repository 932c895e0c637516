package castle.iq.accounts;

import castle.accounts.query.AccountQueries;

/** {@code accounts.all-orders}: a page of the account's orders on one symbol, open and final. */
final class AllOrdersQuery extends AccountStoreQuery<OrderList> {

  static final String NAME = "accounts.all-orders";

  AllOrdersQuery() {
    super(NAME, OrderList.class);
  }

  @Override
  OrderList answer(AccountQueries queries, long accountId, QueryParams params) {
    return new OrderList(queries.allOrders(accountId, params.required(QueryParams.SYMBOL), params.page()).stream()
        .map(AccountViews::order)
        .toList());
  }
}
