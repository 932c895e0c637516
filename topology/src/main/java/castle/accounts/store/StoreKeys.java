package castle.accounts.store;

/**
 * How accounts' store keys are spelled. Every key starts with the account id and a slash, so all of
 * an account's entries are one contiguous range; ids inside a key are zero-padded to 19 digits, so
 * the store's byte order is numeric order and paging is a range scan.
 */
public final class StoreKeys {

  /** Sorts after every character a key component may hold (digits, letters, {@code .:/_-}). */
  static final String END = "~";

  private static final String SEPARATOR = "/";

  private StoreKeys() {}

  /** The key of the account itself: its decimal id. */
  public static String account(long accountId) {
    return Long.toString(accountId);
  }

  /** The prefix of every key of the account in a multi-entry store. */
  public static String accountPrefix(long accountId) {
    return accountId + SEPARATOR;
  }

  /** {@code account/asset}. */
  public static String balance(long accountId, String asset) {
    return accountPrefix(accountId) + asset;
  }

  /** The prefix of every order (or trade) of the account on one symbol. */
  public static String symbolPrefix(long accountId, String symbol) {
    return accountPrefix(accountId) + symbol + SEPARATOR;
  }

  /** {@code account/symbol/orderId}. */
  public static String order(long accountId, String symbol, long orderId) {
    return symbolPrefix(accountId, symbol) + padded(orderId);
  }

  /** {@code account/symbol/tradeId/B|S}: a self-trade gives the account both sides of one trade. */
  public static String trade(long accountId, String symbol, long tradeId, boolean isBuyer) {
    return tradeFrom(accountId, symbol, tradeId) + SEPARATOR + (isBuyer ? "B" : "S");
  }

  /** The first key a trade scan from {@code tradeId} reads. */
  public static String tradeFrom(long accountId, String symbol, long tradeId) {
    return symbolPrefix(accountId, symbol) + padded(tradeId);
  }

  /** {@code account/clientOrderId}. */
  public static String clientOrderId(long accountId, String clientOrderId) {
    return accountPrefix(accountId) + clientOrderId;
  }

  /** {@code account/depositId} or {@code account/withdrawalId}. */
  public static String walletReference(long accountId, String id) {
    return accountPrefix(accountId) + id;
  }

  /** The last key a range scan of everything under {@code prefix} must include. */
  public static String endOf(String prefix) {
    return prefix + END;
  }

  /** A non-negative id as 19 digits, so that string order is numeric order. */
  static String padded(long id) {
    if (id < 0) {
      throw new IllegalArgumentException("Ids in store keys are not negative: " + id);
    }
    String digits = Long.toString(id);
    return "0".repeat(19 - digits.length()) + digits;
  }
}
