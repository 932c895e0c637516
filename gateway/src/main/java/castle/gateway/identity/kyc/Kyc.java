package castle.gateway.identity.kyc;

import castle.gateway.identity.users.UserCommands;
import castle.schema.users.DecideKyc;
import castle.schema.users.SubmitKyc;
import castle.schema.users.UserEvent;

/**
 * KYC through the users topology: a user (or an admin on their behalf) submits details and the user
 * goes to PENDING; an admin approves with a tier or rejects with a reason. The topology enforces the
 * order of transitions; this class sends them and waits for their outcome.
 */
public final class Kyc {

  /** Highest KYC tier; tiers set the trading and withdrawal limits accounts enforces. */
  public static final int MAX_TIER = 9;

  /** Longest rejection reason. */
  public static final int MAX_REASON = 500;

  private final UserCommands commands;

  /** KYC commands sent through {@code commands}. */
  public Kyc(UserCommands commands) {
    this.commands = commands;
  }

  /** Submits details for review. */
  public UserEvent submit(String email, SubmitKyc details) {
    return commands.send(email, details);
  }

  /** Approves the pending submission with {@code tier}. */
  public UserEvent approve(String admin, String email, int tier) {
    return commands.send(email, new DecideKyc(true, tier, "", admin));
  }

  /** Rejects the pending submission for {@code reason}. */
  public UserEvent reject(String admin, String email, String reason) {
    return commands.send(email, new DecideKyc(false, 0, reason, admin));
  }
}
