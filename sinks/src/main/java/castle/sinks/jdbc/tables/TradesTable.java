package castle.sinks.jdbc.tables;

import castle.schema.market.Trade;
import castle.sinks.jdbc.Row;
import castle.sinks.jdbc.Upsert;
import java.util.List;

/** {@code trades}: every public trade once, keyed by symbol and the symbol's trade id. A fact: never updated. */
public final class TradesTable {

  static final String SQL =
      Upsert.into("trades")
          .columns("symbol", "trade_id", "price_units", "qty_units", "quote_qty_units", "base_asset", "quote_asset",
              "base_scale", "quote_scale", "buyer_is_maker", "buy_order_id", "sell_order_id", "buyer_account_id",
              "seller_account_id", "buyer_commission_units", "seller_commission_units", "taker_command_id", "traded_at")
          .key("symbol", "trade_id")
          .insertOnly();

  private TradesTable() {}

  /** The row of a trade. */
  public static Row row(Trade t) {
    return new Row(SQL, List.of(t.getSymbol(), t.getTradeId(), t.getPrice(), t.getQty(), t.getQuoteQty(),
        t.getBaseAsset(), t.getQuoteAsset(), t.getBaseScale(), t.getQuoteScale(), t.getBuyerIsMaker(),
        t.getBuyOrderId(), t.getSellOrderId(), t.getBuyerAccountId(), t.getSellerAccountId(),
        t.getBuyerCommission(), t.getSellerCommission(), t.getTakerCommandId(), Times.at(t.getTime())));
  }
}
