package castle.iq.accounts;

import java.util.List;

/**
 * An account as {@code GET /api/v3/account} shows it.
 *
 * @param canTrade whether its KYC allows trading
 * @param makerFeePpm its maker commission rate in millionths
 * @param takerFeePpm its taker commission rate in millionths
 * @param updateTime when it last changed, epoch ms (0 if never seen)
 * @param balances every asset it ever held, by asset name
 */
public record AccountView(
    long accountId, boolean canTrade, int makerFeePpm, int takerFeePpm, long updateTime, List<BalanceView> balances) {}
