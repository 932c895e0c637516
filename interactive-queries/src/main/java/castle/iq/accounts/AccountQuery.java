package castle.iq.accounts;

import castle.accounts.config.AccountsConfig;
import castle.accounts.config.FeeRates;
import castle.accounts.query.AccountQueries;
import castle.schema.accounts.AccountRecord;
import castle.schema.accounts.Balance;
import castle.schema.users.KycStatus;
import java.util.List;

/** {@code accounts.account}: an account's balances, trading permission and commission rates. */
final class AccountQuery extends AccountStoreQuery<AccountView> {

  static final String NAME = "accounts.account";

  private final AccountsConfig config;

  /** The query, with the fee schedule the accounts app runs with. */
  AccountQuery(AccountsConfig config) {
    super(NAME, AccountView.class);
    this.config = config;
  }

  @Override
  AccountView answer(AccountQueries queries, long accountId, QueryParams params) {
    AccountRecord profile = queries.account(accountId).orElse(null);
    FeeRates fees = config.fees(profile == null ? 0 : profile.getFeeTier());
    List<Balance> balances = queries.balances(accountId);
    long updated = balances.stream().mapToLong(Balance::getUpdatedAt).max().orElse(0);
    boolean canTrade = profile != null && profile.getRegistered() && profile.getKycStatus() == KycStatus.VERIFIED;
    return new AccountView(
        accountId, canTrade, fees.makerPpm(), fees.takerPpm(),
        Math.max(updated, profile == null ? 0 : profile.getUpdatedAt()),
        balances.stream().map(AccountViews::balance).toList());
  }
}
