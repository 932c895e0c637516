package castle.iq.accounts;

/**
 * One asset of an account, in units of 10^-scale.
 *
 * @param free available to trade or withdraw
 * @param locked reserved by open orders and pending withdrawals
 */
public record BalanceView(String asset, int scale, long free, long locked) {}
