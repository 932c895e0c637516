package castle.iq.accounts;

import java.util.List;

/** Trades of one account on one symbol, oldest first. */
public record TradeList(List<TradeView> trades) {}
