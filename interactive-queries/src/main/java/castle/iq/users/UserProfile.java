package castle.iq.users;

import castle.schema.users.ApiKeySummary;
import castle.schema.users.ApiPermission;
import castle.schema.users.KycDetails;
import castle.schema.users.KycStatus;
import castle.schema.users.Role;
import castle.schema.users.UserRecord;
import java.util.List;

/**
 * A user as the API shows it: identity, role, KYC, fee tier, MFA and API keys, without the password
 * hash, the TOTP seed or any API secret.
 */
public record UserProfile(
    long userId,
    String email,
    Role role,
    String externalSubject,
    KycStatus kycStatus,
    int kycTier,
    Kyc kyc,
    String kycReason,
    String kycDecidedBy,
    long kycDecidedAt,
    int feeTier,
    boolean mfaEnabled,
    List<ApiKey> apiKeys,
    long createdAt,
    long updatedAt) {

  /** The latest KYC submission. */
  public record Kyc(String fullName, String country, String dateOfBirth, String documentReference, long submittedAt) {}

  /** One API key, without its secret. */
  public record ApiKey(String apiKey, String label, ApiPermission permission, boolean revoked, long createdAt, long revokedAt) {}

  /** The profile of a stored user. */
  public static UserProfile of(UserRecord user) {
    KycDetails details = user.getKycDetails();
    Kyc kyc = details == null ? null : new Kyc(
        details.getFullName(), details.getCountry(), details.getDateOfBirth(), details.getDocumentReference(),
        details.getSubmittedAt());
    List<ApiKey> keys = user.getApiKeys().stream().map(UserProfile::apiKey).toList();
    return new UserProfile(
        user.getUserId(), user.getEmail(), user.getRole(), user.getExternalSubject(), user.getKycStatus(),
        user.getKycTier(), kyc, user.getKycReason(), user.getKycDecidedBy(), user.getKycDecidedAt(),
        user.getFeeTier(), user.getEncryptedTotpSecret() != null, keys, user.getCreatedAt(), user.getUpdatedAt());
  }

  private static ApiKey apiKey(ApiKeySummary key) {
    return new ApiKey(key.getApiKey(), key.getLabel(), key.getPermission(), key.getRevoked(), key.getCreatedAt(), key.getRevokedAt());
  }
}
