package castle.accounts.users;

import castle.accounts.Outputs;
import castle.accounts.store.AccountStores;
import castle.schema.accounts.AccountRecord;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.topics.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the part of each user's profile that accounts enforces: that the account exists, its KYC
 * status and tier (may it trade and withdraw, within which limits) and its fee tier. Writes nothing.
 */
public final class UserEventHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UserEventHandler.class);

  private final AccountStores stores;
  private final Outputs outputs;

  /** A handler over these stores. */
  public UserEventHandler(AccountStores stores, Outputs outputs) {
    this.stores = stores;
    this.outputs = outputs;
  }

  /** Handles one event from {@code users.events}. */
  public void handle(String key, UserEvent event) {
    if (event.getType() == UserEventType.COMMAND_REJECTED || event.getUserId() <= 0) {
      return; // changed nothing
    }
    if (!Keys.account(event.getUserId()).equals(key)) {
      LOG.warn("Ignoring event {} of user {} keyed {}: it belongs to another partition", event.getType(),
          event.getUserId(), key);
      return;
    }
    AccountRecord account = stores.accountOrNew(event.getUserId(), outputs.time());
    account.setRegistered(true);
    account.setKycStatus(event.getKycStatus());
    account.setKycTier(event.getKycTier());
    account.setFeeTier(event.getFeeTier());
    account.setRole(event.getRole());
    account.setUpdatedAt(outputs.time());
    stores.put(account);
  }
}
