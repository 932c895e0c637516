package castle.gateway.identity;

import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;

/** A user right after a change, from the change's event: what a register or KYC call answers. */
public record UserSummary(long userId, String email, Role role, KycStatus kycStatus, int kycTier, int feeTier) {

  /** The user an event reports. */
  public static UserSummary of(UserEvent event) {
    return new UserSummary(
        event.getUserId(), event.getEmail(), event.getRole(), event.getKycStatus(), event.getKycTier(), event.getFeeTier());
  }
}
