package castle.app.admin;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code castle admin symbol ...}: markets and their filters. */
@Command(name = "symbol", mixinStandardHelpOptions = true, description = "List, create, update, halt and resume symbols.",
    subcommands = {SymbolCommands.List.class, SymbolCommands.Show.class, SymbolCommands.Create.class,
        SymbolCommands.Update.class, SymbolCommands.Halt.class, SymbolCommands.Resume.class})
final class SymbolCommands extends CommandGroup {

  /** The filter options shared by create and update; prices and notionals at the quote scale, quantities at the base scale. */
  static final class Filters {
    @Option(names = "--tick-size", description = "Price step, such as 0.01.") String tickSize;
    @Option(names = "--min-price", description = "Lowest price.") String minPrice;
    @Option(names = "--max-price", description = "Highest price.") String maxPrice;
    @Option(names = "--step-size", description = "Quantity step, such as 0.00001.") String stepSize;
    @Option(names = "--min-qty", description = "Smallest quantity.") String minQty;
    @Option(names = "--max-qty", description = "Largest quantity.") String maxQty;
    @Option(names = "--min-notional", description = "Smallest price x quantity.") String minNotional;
    @Option(names = "--max-notional", description = "Largest price x quantity; 0 for none.") String maxNotional;
    @Option(names = "--stp", description = "Default self-trade prevention: NONE, EXPIRE_TAKER, EXPIRE_MAKER (default) or EXPIRE_BOTH.") String stp;
    @Option(names = "--status", description = "TRADING or HALT.") String status;

    Map<String, Object> into(Map<String, Object> body) {
      body.putAll(AdminAction.body(
          "tickSize", tickSize, "minPrice", minPrice, "maxPrice", maxPrice, "stepSize", stepSize, "minQty", minQty,
          "maxQty", maxQty, "minNotional", minNotional, "maxNotional", maxNotional, "selfTradePreventionMode", stp,
          "status", status));
      return body;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every symbol.")
  static final class List extends AdminAction {
    @Override
    Call request() {
      return new Call("GET", "/v1/admin/symbols", null);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one symbol.")
  static final class Show extends AdminAction {
    @Option(names = "--symbol", required = true, description = "Such as BTCUSDT.") String symbol;

    @Override
    Call request() {
      return new Call("GET", "/v1/admin/symbols/" + segment(symbol), null);
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a symbol after checking its filters; an asset keeps one scale across symbols.")
  static final class Create extends AdminAction {
    @Option(names = "--base", required = true, description = "Base asset, such as BTC.") String base;
    @Option(names = "--quote", required = true, description = "Quote asset, such as USDT.") String quote;
    @Option(names = "--base-scale", required = true, description = "Decimal places of the base asset.") int baseScale;
    @Option(names = "--quote-scale", required = true, description = "Decimal places of the quote asset.") int quoteScale;
    @Mixin Filters filters;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/symbols", filters.into(
          body("baseAsset", base, "quoteAsset", quote, "baseScale", baseScale, "quoteScale", quoteScale)));
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Change a symbol's filters, self-trade prevention or status; options left out keep their values.")
  static final class Update extends AdminAction {
    @Option(names = "--symbol", required = true, description = "Such as BTCUSDT.") String symbol;
    @Mixin Filters filters;

    @Override
    Call request() {
      return new Call("PATCH", "/v1/admin/symbols/" + segment(symbol), filters.into(body()));
    }
  }

  @Command(name = "halt", mixinStandardHelpOptions = true, description = "Halt a symbol: new orders are rejected, cancels still work.")
  static final class Halt extends AdminAction {
    @Option(names = "--symbol", required = true, description = "Such as BTCUSDT.") String symbol;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/symbols/" + segment(symbol) + "/halt", null);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume trading on a halted symbol.")
  static final class Resume extends AdminAction {
    @Option(names = "--symbol", required = true, description = "Such as BTCUSDT.") String symbol;

    @Override
    Call request() {
      return new Call("POST", "/v1/admin/symbols/" + segment(symbol) + "/resume", null);
    }
  }
}
