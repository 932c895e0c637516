package castle.accounts;

/**
 * The account commissions are paid into. Its id is fixed by the contract (docs/order-pipeline.md):
 * users get snowflake ids far above it, so it can never be a trader's account.
 */
public final class FeeAccount {

  /** The fee account's id. */
  public static final long ID = 1L;

  private FeeAccount() {}
}
