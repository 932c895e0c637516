package castle.gateway.binance.views;

import castle.iq.accounts.TradeView;
import castle.money.Decimals;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of the account's trades as {@code GET /api/v3/myTrades} returns it. The account's side is
 * {@code isBuyer}; there is deliberately no {@code m}, {@code isBuyerMaker} or {@code side}, which
 * clients would read instead.
 */
public record TradeJson(
    String symbol,
    long id,
    long orderId,
    long orderListId,
    String price,
    String qty,
    String quoteQty,
    String commission,
    String commissionAsset,
    long time,
    @JsonProperty("isBuyer") boolean isBuyer,
    @JsonProperty("isMaker") boolean isMaker,
    @JsonProperty("isBestMatch") boolean isBestMatch) {

  /** The trade's JSON form. */
  public static TradeJson of(TradeView t) {
    return new TradeJson(
        t.symbol(), t.id(), t.orderId(), -1,
        Decimals.format(t.price(), t.quoteScale()),
        Decimals.format(t.qty(), t.baseScale()),
        Decimals.format(t.quoteQty(), t.quoteScale()),
        Decimals.format(t.commission(), t.commissionScale()),
        t.commissionAsset(), t.time(), t.buyer(), t.maker(), true);
  }
}
