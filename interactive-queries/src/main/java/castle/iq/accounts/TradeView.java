package castle.iq.accounts;

/**
 * One fill of one of an account's orders, as {@code GET /api/v3/myTrades} shows it: price and
 * quoteQty at {@code quoteScale}, qty at {@code baseScale}, commission at {@code commissionScale}.
 * Both counterparties of a trade see the same {@code id}.
 */
public record TradeView(
    String symbol,
    long id,
    long orderId,
    long price,
    long qty,
    long quoteQty,
    long commission,
    String commissionAsset,
    int commissionScale,
    int baseScale,
    int quoteScale,
    long time,
    boolean buyer,
    boolean maker) {}
