package castle.gateway.binance.views;

/** One fill of a FULL order answer; the commission is {@code "0.00000000"} when there was none. */
public record FillJson(String price, String qty, String commission, String commissionAsset, long tradeId) {}
