package castle.iq.accounts;

import castle.accounts.query.AccountQueries;

/** {@code accounts.trades}: a page of the account's trades on one symbol, or of one of its orders. */
final class TradesQuery extends AccountStoreQuery<TradeList> {

  static final String NAME = "accounts.trades";

  TradesQuery() {
    super(NAME, TradeList.class);
  }

  @Override
  TradeList answer(AccountQueries queries, long accountId, QueryParams params) {
    return new TradeList(queries
        .trades(accountId, params.required(QueryParams.SYMBOL), params.optionalLong(QueryParams.ORDER_ID), params.page())
        .stream()
        .map(AccountViews::trade)
        .toList());
  }
}
