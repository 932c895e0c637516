package castle.iq.accounts;

import castle.schema.accounts.AccountTrade;
import castle.schema.accounts.Balance;
import castle.schema.accounts.OrderState;

/** Accounts' store records as the views the gateway renders. */
final class AccountViews {

  private AccountViews() {}

  static OrderView order(OrderState o) {
    return new OrderView(
        o.getSymbol(), o.getOrderId(), o.getClientOrderId(), o.getSide(), o.getType(), o.getTimeInForce(),
        o.getPrice(), o.getOrigQty(), o.getOrigQuoteOrderQty(), o.getStopPrice(), o.getSelfTradePreventionMode(),
        o.getBaseScale(), o.getQuoteScale(), o.getStatus(), o.getExecutedQty(), o.getCumQuoteQty(),
        o.getIsWorking(), o.getTime(), o.getUpdateTime(), o.getWorkingTime());
  }

  static TradeView trade(AccountTrade t) {
    int commissionScale = t.getCommissionAsset().equals(t.getBaseAsset()) ? t.getBaseScale() : t.getQuoteScale();
    return new TradeView(
        t.getSymbol(), t.getTradeId(), t.getOrderId(), t.getPrice(), t.getQty(), t.getQuoteQty(), t.getCommission(),
        t.getCommissionAsset(), commissionScale, t.getBaseScale(), t.getQuoteScale(), t.getTime(), t.getIsBuyer(),
        t.getIsMaker());
  }

  static BalanceView balance(Balance b) {
    return new BalanceView(b.getAsset(), b.getScale(), b.getFree(), b.getLocked());
  }
}
