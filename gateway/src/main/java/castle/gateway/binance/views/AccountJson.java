package castle.gateway.binance.views;

import castle.iq.accounts.AccountView;
import castle.money.Decimals;
import java.util.List;

/**
 * {@code GET /api/v3/account}: commissions (in basis points, and as rates), permissions and every
 * asset the account holds; {@code locked} is what its open orders (and pending withdrawals) reserve.
 */
public record AccountJson(
    int makerCommission,
    int takerCommission,
    int buyerCommission,
    int sellerCommission,
    CommissionRates commissionRates,
    boolean canTrade,
    boolean canWithdraw,
    boolean canDeposit,
    boolean brokered,
    boolean requireSelfTradePrevention,
    boolean preventSor,
    long updateTime,
    String accountType,
    List<Balance> balances,
    List<String> permissions,
    long uid) {

  /** Commission rates as decimal fractions ({@code "0.00100000"} is 0.1%). */
  public record CommissionRates(String maker, String taker, String buyer, String seller) {}

  /** One asset: available and reserved. */
  public record Balance(String asset, String free, String locked) {}

  private static final int PPM_SCALE = 6;
  private static final int PPM_PER_BASIS_POINT = 100;

  /** The account's JSON form, without zero balances when {@code omitZeroBalances}. */
  public static AccountJson of(AccountView a, boolean omitZeroBalances) {
    List<Balance> balances = a.balances().stream()
        .filter(b -> !omitZeroBalances || b.free() != 0 || b.locked() != 0)
        .map(b -> new Balance(b.asset(), Decimals.format(b.free(), b.scale()), Decimals.format(b.locked(), b.scale())))
        .toList();
    String zero = Decimals.format(0, PPM_SCALE);
    return new AccountJson(
        a.makerFeePpm() / PPM_PER_BASIS_POINT, a.takerFeePpm() / PPM_PER_BASIS_POINT, 0, 0,
        new CommissionRates(
            Decimals.format(a.makerFeePpm(), PPM_SCALE), Decimals.format(a.takerFeePpm(), PPM_SCALE), zero, zero),
        a.canTrade(), a.canTrade(), true, false, false, false,
        a.updateTime(), "SPOT", balances, List.of("SPOT"), a.accountId());
  }
}
