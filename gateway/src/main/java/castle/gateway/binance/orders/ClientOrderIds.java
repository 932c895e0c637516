package castle.gateway.binance.orders;

import castle.gateway.api.ApiException;
import castle.gateway.api.Params;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client order ids: what a client may send ({@code ^[.A-Z:/a-z0-9_-]{1,36}$}, as Binance) and what
 * the gateway uses when it sends none. A generated id is derived from the unique order (or command)
 * id, so it never collides with another generated one.
 */
final class ClientOrderIds {

  private static final Pattern FORMAT = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");
  private static final String LEGAL_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";
  private static final String GENERATED_PREFIX = "castle-";

  private ClientOrderIds() {}

  /** The named parameter's client order id if sent, refusing one outside the legal range. */
  static Optional<String> optional(Params params, String name) {
    return params.optional(name).map(id -> {
      if (!FORMAT.matcher(id).matches()) {
        throw ApiException.illegalCharacters(name, LEGAL_RANGE);
      }
      return id;
    });
  }

  /** The id used for a request that sent none. */
  static String generated(long uniqueId) {
    return GENERATED_PREFIX + Long.toString(uniqueId, 36);
  }
}
