package castle.gateway.admin;

import castle.gateway.api.ApiException;
import java.util.List;

/** The errors of the admin API ({@code /v1/admin}) beyond those it shares with identity: codes -72xx. */
public final class AdminErrors {

  private AdminErrors() {}

  /** -7201: no symbol uses the asset, so its scale is unknown. */
  public static ApiException unknownAsset(String asset) {
    return new ApiException(400, -7201, "Unknown asset " + asset + ": no symbol uses it.");
  }

  /** -7202: accounts refused the wallet command. */
  public static ApiException walletRejected(String reason) {
    return new ApiException(400, -7202, "Wallet command rejected: " + reason);
  }

  /** -7203: creating a symbol that exists. */
  public static ApiException symbolExists(String symbol) {
    return new ApiException(409, -7203, "Symbol " + symbol + " already exists.");
  }

  /** -7204: the symbol configuration breaks the filter rules. */
  public static ApiException invalidSymbol(List<String> problems) {
    return new ApiException(400, -7204, "Invalid symbol configuration: " + String.join("; ", problems) + ".");
  }

  /** -7205: an amount that is zero, malformed or too precise for the asset. */
  public static ApiException invalidAmount(String parameter) {
    return new ApiException(400, -7205, "Invalid amount for '" + parameter + "'.");
  }
}
