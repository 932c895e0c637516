package castle.gateway.binance.symbols;

import castle.gateway.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance's {@code symbols} parameter: a JSON array of symbol names such as {@code ["BTCUSDT","ETHBTC"]}.
 * Clients send it with or without spaces after the commas. Anything else is refused with the
 * legal range Binance reports.
 */
public final class SymbolList {

  private static final String NAME = "\"[A-Z0-9-_.]{1,20}\"";
  private static final Pattern LIST =
      Pattern.compile("\\[\\s*(" + NAME + "(\\s*,\\s*" + NAME + ")*)?\\s*]");
  private static final Pattern ONE = Pattern.compile("\"([A-Z0-9-_.]{1,20})\"");
  private static final String LEGAL_RANGE = "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$";

  private SymbolList() {}

  /** The names in a {@code symbols} value, in order; -1151 when one is repeated. */
  public static List<String> parse(String value) {
    if (!LIST.matcher(value).matches()) {
      throw ApiException.illegalCharacters("symbols", LEGAL_RANGE);
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Matcher name = ONE.matcher(value);
    while (name.find()) {
      if (!names.add(name.group(1))) {
        throw new ApiException(400, -1151, "Symbol is present multiple times in the list.");
      }
    }
    return new ArrayList<>(names);
  }
}
