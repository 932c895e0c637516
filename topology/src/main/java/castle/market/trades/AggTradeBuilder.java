package castle.market.trades;

import castle.schema.market.PublicTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds consecutive trades of one symbol, in tradeId order, into aggregate trades: a trade joins the
 * current aggregate when it follows it directly and has the same taker command and price.
 */
public final class AggTradeBuilder {

  private AggTrade current;
  private long currentCommand;

  /** Adds the next trade; returns the aggregate it completes, if it starts a new one. */
  public Optional<AggTrade> add(PublicTrade trade) {
    if (current != null
        && trade.getTradeId() == current.lastTradeId() + 1
        && trade.getTakerCommandId() == currentCommand
        && trade.getPrice() == current.price()) {
      current = new AggTrade(current.aggId(), current.price(), Math.addExact(current.qty(), trade.getQty()),
          current.firstTradeId(), trade.getTradeId(), current.time(), current.buyerIsMaker());
      return Optional.empty();
    }
    Optional<AggTrade> completed = Optional.ofNullable(current);
    current = new AggTrade(trade.getTradeId(), trade.getPrice(), trade.getQty(), trade.getTradeId(), trade.getTradeId(),
        trade.getTime(), trade.getBuyerIsMaker());
    currentCommand = trade.getTakerCommandId();
    return completed;
  }

  /** The aggregate being built, which ends here; empty if none. */
  public Optional<AggTrade> flush() {
    Optional<AggTrade> last = Optional.ofNullable(current);
    current = null;
    return last;
  }

  /** The aggregates of a run of trades in tradeId order. */
  public static List<AggTrade> fold(List<PublicTrade> trades) {
    AggTradeBuilder builder = new AggTradeBuilder();
    List<AggTrade> aggregates = new ArrayList<>();
    for (PublicTrade trade : trades) {
      builder.add(trade).ifPresent(aggregates::add);
    }
    builder.flush().ifPresent(aggregates::add);
    return aggregates;
  }
}
