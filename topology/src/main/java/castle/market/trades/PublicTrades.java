package castle.market.trades;

import castle.schema.market.PublicTrade;
import castle.schema.market.Trade;

/** The public part of a trade: what anyone may see, without accounts or orders. */
public final class PublicTrades {

  private PublicTrades() {}

  /** The public facts of a trade from {@code market.trades}. */
  public static PublicTrade of(Trade trade) {
    return PublicTrade.newBuilder()
        .setTradeId(trade.getTradeId())
        .setPrice(trade.getPrice())
        .setQty(trade.getQty())
        .setQuoteQty(trade.getQuoteQty())
        .setTime(trade.getTime())
        .setBuyerIsMaker(trade.getBuyerIsMaker())
        .setTakerCommandId(trade.getTakerCommandId())
        .build();
  }
}
