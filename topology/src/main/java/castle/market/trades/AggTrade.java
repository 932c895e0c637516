package castle.market.trades;

/**
 * Trades of one taker command at one price, summed, as Binance's aggregate trades. The aggregate's
 * id is the id of its first trade: unique and increasing, and the same whether the aggregate is read
 * over REST or streamed, because it depends on no other state.
 *
 * @param aggId the aggregate id ({@code a})
 * @param price the price, quote scale
 * @param qty the summed quantity, base scale
 * @param firstTradeId the first trade ({@code f})
 * @param lastTradeId the last trade ({@code l})
 * @param time the first trade's time
 * @param buyerIsMaker whether the buyer was the maker
 */
public record AggTrade(long aggId, long price, long qty, long firstTradeId, long lastTradeId, long time, boolean buyerIsMaker) {}
