package castle.users;

import castle.schema.users.ApiKeyRecord;
import castle.schema.users.ApiKeySummary;
import castle.schema.users.CreateApiKey;
import castle.schema.users.DecideKyc;
import castle.schema.users.KycDetails;
import castle.schema.users.KycStatus;
import castle.schema.users.RegisterUser;
import castle.schema.users.RevokeApiKey;
import castle.schema.users.Role;
import castle.schema.users.SetFeeTier;
import castle.schema.users.SetMfa;
import castle.schema.users.SubmitKyc;
import castle.schema.users.UserCommand;
import castle.schema.users.UserEvent;
import castle.schema.users.UserEventType;
import castle.schema.users.UserRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a user's life: registration (one user per email), KYC (NONE to PENDING on submission,
 * then VERIFIED with a tier or REJECTED with a reason by an admin; a rejected user may submit again),
 * API keys, MFA and fee tiers. Every command yields exactly one event: the change it made, or
 * COMMAND_REJECTED with the reason when it would break a rule. Pure and deterministic: the time is the
 * command's record time, so a replay yields the same events.
 */
public final class UserLifecycle {

  /** Active (unrevoked) API keys a user may hold at once, as on Binance. */
  public static final int MAX_ACTIVE_API_KEYS = 30;

  /** Users start in this fee tier. */
  public static final int DEFAULT_FEE_TIER = 0;

  /** Ids up to this one are reserved for system accounts such as the fee account (1). */
  static final long LAST_SYSTEM_ACCOUNT = 1;

  private UserLifecycle() {}

  /**
   * Applies {@code command} to the user stored under {@code email}.
   *
   * @param email the normalized email the command is keyed by
   * @param current the stored user, or null when the email is not registered
   * @param time the command's record time, epoch ms
   */
  public static Transition apply(String email, UserRecord current, UserCommand command, long time) {
    Object action = command.getAction();
    if (!email.equals(command.getEmail())) {
      return refuse(email, current, command, UserRefusal.INVALID_COMMAND, time);
    }
    if (action instanceof RegisterUser register) {
      return register(email, current, command, register, time);
    }
    if (current == null) {
      return refuse(email, null, command, UserRefusal.UNKNOWN_USER, time);
    }
    if (action instanceof SubmitKyc submission) {
      return submitKyc(current, command, submission, time);
    }
    if (action instanceof DecideKyc decision) {
      return decideKyc(current, command, decision, time);
    }
    if (action instanceof CreateApiKey create) {
      return createApiKey(current, command, create, time);
    }
    if (action instanceof RevokeApiKey revoke) {
      return revokeApiKey(current, command, revoke, time);
    }
    if (action instanceof SetMfa mfa) {
      return setMfa(current, command, mfa, time);
    }
    if (action instanceof SetFeeTier feeTier) {
      return setFeeTier(current, command, feeTier, time);
    }
    return refuse(email, current, command, UserRefusal.INVALID_COMMAND, time);
  }

  private static Transition register(String email, UserRecord current, UserCommand command, RegisterUser register, long time) {
    if (current != null) {
      return refuse(email, current, command, UserRefusal.EMAIL_TAKEN, time);
    }
    boolean hasCredential = register.getPasswordHash() != null || register.getExternalSubject() != null;
    if (register.getUserId() <= LAST_SYSTEM_ACCOUNT || !hasCredential && register.getRole() == Role.ADMIN) {
      return refuse(email, null, command, UserRefusal.INVALID_COMMAND, time);
    }
    UserRecord user = UserRecord.newBuilder()
        .setUserId(register.getUserId())
        .setEmail(email)
        .setPasswordHash(register.getPasswordHash())
        .setExternalSubject(register.getExternalSubject())
        .setRole(register.getRole())
        .setKycStatus(KycStatus.NONE)
        .setKycTier(0)
        .setFeeTier(DEFAULT_FEE_TIER)
        .setApiKeys(new ArrayList<>())
        .setCreatedAt(time)
        .setUpdatedAt(time)
        .build();
    return changed(user, command, UserEventType.REGISTERED, time);
  }

  private static Transition submitKyc(UserRecord current, UserCommand command, SubmitKyc submission, long time) {
    switch (current.getKycStatus()) {
      case PENDING:
        return refuse(current, command, UserRefusal.KYC_ALREADY_PENDING, time);
      case VERIFIED:
        return refuse(current, command, UserRefusal.KYC_ALREADY_VERIFIED, time);
      default:
        break;
    }
    if (blank(submission.getFullName()) || blank(submission.getCountry())
        || blank(submission.getDateOfBirth()) || blank(submission.getDocumentReference())) {
      return refuse(current, command, UserRefusal.INVALID_COMMAND, time);
    }
    UserRecord user = UserRecord.newBuilder(current)
        .setKycStatus(KycStatus.PENDING)
        .setKycTier(0)
        .setKycDetails(new KycDetails(
            submission.getFullName(), submission.getCountry(), submission.getDateOfBirth(),
            submission.getDocumentReference(), time))
        .setKycReason("")
        .setKycDecidedBy(null)
        .setKycDecidedAt(0)
        .setUpdatedAt(time)
        .build();
    return changed(user, command, UserEventType.KYC_SUBMITTED, time);
  }

  private static Transition decideKyc(UserRecord current, UserCommand command, DecideKyc decision, long time) {
    if (current.getKycStatus() != KycStatus.PENDING) {
      return refuse(current, command, UserRefusal.KYC_NOT_PENDING, time);
    }
    boolean valid = decision.getApproved() ? decision.getTier() >= 1 : !blank(decision.getReason());
    if (!valid || blank(decision.getDecidedBy())) {
      return refuse(current, command, UserRefusal.INVALID_COMMAND, time);
    }
    UserRecord.Builder user = UserRecord.newBuilder(current)
        .setKycDecidedBy(decision.getDecidedBy())
        .setKycDecidedAt(time)
        .setUpdatedAt(time);
    if (decision.getApproved()) {
      user.setKycStatus(KycStatus.VERIFIED).setKycTier(decision.getTier()).setKycReason("");
      return changed(user.build(), command, UserEventType.KYC_APPROVED, time);
    }
    user.setKycStatus(KycStatus.REJECTED).setKycTier(0).setKycReason(decision.getReason());
    UserRecord rejected = user.build();
    return new Transition(rejected, true, event(rejected, command, UserEventType.KYC_REJECTED, decision.getReason(), null, time), null);
  }

  private static Transition createApiKey(UserRecord current, UserCommand command, CreateApiKey create, long time) {
    if (blank(create.getApiKey()) || !create.getEncryptedSecret().hasRemaining()) {
      return refuse(current, command, UserRefusal.INVALID_COMMAND, time);
    }
    if (current.getApiKeys().stream().anyMatch(k -> k.getApiKey().equals(create.getApiKey()))) {
      return refuse(current, command, UserRefusal.DUPLICATE_API_KEY, time);
    }
    if (current.getApiKeys().stream().filter(k -> !k.getRevoked()).count() >= MAX_ACTIVE_API_KEYS) {
      return refuse(current, command, UserRefusal.TOO_MANY_API_KEYS, time);
    }
    List<ApiKeySummary> keys = new ArrayList<>(current.getApiKeys());
    keys.add(new ApiKeySummary(create.getApiKey(), create.getLabel(), create.getPermission(), false, time, 0L));
    UserRecord user = UserRecord.newBuilder(current).setApiKeys(keys).setUpdatedAt(time).build();
    ApiKeyRecord record = new ApiKeyRecord(
        create.getApiKey(), user.getUserId(), user.getEmail(), create.getLabel(), create.getPermission(),
        create.getEncryptedSecret(), false, time);
    UserEvent event = event(user, command, UserEventType.API_KEY_CREATED, "", create.getApiKey(), time);
    return new Transition(user, true, event, record);
  }

  private static Transition revokeApiKey(UserRecord current, UserCommand command, RevokeApiKey revoke, long time) {
    List<ApiKeySummary> keys = new ArrayList<>(current.getApiKeys());
    int index = -1;
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).getApiKey().equals(revoke.getApiKey())) {
        index = i;
      }
    }
    if (index < 0) {
      return refuse(current, command, UserRefusal.UNKNOWN_API_KEY, time);
    }
    ApiKeySummary key = keys.get(index);
    if (key.getRevoked()) {
      return refuse(current, command, UserRefusal.API_KEY_ALREADY_REVOKED, time);
    }
    keys.set(index, ApiKeySummary.newBuilder(key).setRevoked(true).setRevokedAt(time).build());
    UserRecord user = UserRecord.newBuilder(current).setApiKeys(keys).setUpdatedAt(time).build();
    // The revoked record drops the sealed secret, so compaction erases it from users.apikeys.
    ApiKeyRecord record = new ApiKeyRecord(
        key.getApiKey(), user.getUserId(), user.getEmail(), key.getLabel(), key.getPermission(),
        ByteBuffer.allocate(0), true, key.getCreatedAt());
    UserEvent event = event(user, command, UserEventType.API_KEY_REVOKED, "", key.getApiKey(), time);
    return new Transition(user, true, event, record);
  }

  private static Transition setMfa(UserRecord current, UserCommand command, SetMfa mfa, long time) {
    boolean enabled = current.getEncryptedTotpSecret() != null;
    boolean enabling = mfa.getEncryptedTotpSecret() != null;
    if (enabling && enabled) {
      return refuse(current, command, UserRefusal.MFA_ALREADY_ENABLED, time);
    }
    if (!enabling && !enabled) {
      return refuse(current, command, UserRefusal.MFA_NOT_ENABLED, time);
    }
    if (enabling && !mfa.getEncryptedTotpSecret().hasRemaining()) {
      return refuse(current, command, UserRefusal.INVALID_COMMAND, time);
    }
    UserRecord user = UserRecord.newBuilder(current)
        .setEncryptedTotpSecret(mfa.getEncryptedTotpSecret())
        .setUpdatedAt(time)
        .build();
    return changed(user, command, enabling ? UserEventType.MFA_ENABLED : UserEventType.MFA_DISABLED, time);
  }

  private static Transition setFeeTier(UserRecord current, UserCommand command, SetFeeTier feeTier, long time) {
    if (feeTier.getFeeTier() < 0) {
      return refuse(current, command, UserRefusal.INVALID_COMMAND, time);
    }
    UserRecord user = UserRecord.newBuilder(current).setFeeTier(feeTier.getFeeTier()).setUpdatedAt(time).build();
    return changed(user, command, UserEventType.FEE_TIER_CHANGED, time);
  }

  private static Transition changed(UserRecord user, UserCommand command, UserEventType type, long time) {
    return new Transition(user, true, event(user, command, type, "", null, time), null);
  }

  private static Transition refuse(UserRecord current, UserCommand command, UserRefusal refusal, long time) {
    return refuse(current.getEmail(), current, command, refusal, time);
  }

  private static Transition refuse(String email, UserRecord current, UserCommand command, UserRefusal refusal, long time) {
    UserEvent event = current != null
        ? event(current, command, UserEventType.COMMAND_REJECTED, refusal.message(), null, time)
        : UserEvent.newBuilder()
            .setUserId(0)
            .setEmail(email)
            .setCommandId(command.getCommandId())
            .setType(UserEventType.COMMAND_REJECTED)
            .setRole(Role.USER)
            .setKycStatus(KycStatus.NONE)
            .setKycTier(0)
            .setFeeTier(DEFAULT_FEE_TIER)
            .setReason(refusal.message())
            .setTime(time)
            .build();
    return new Transition(current, false, event, null);
  }

  private static UserEvent event(
      UserRecord user, UserCommand command, UserEventType type, String reason, String apiKey, long time) {
    return UserEvent.newBuilder()
        .setUserId(user.getUserId())
        .setEmail(user.getEmail())
        .setCommandId(command.getCommandId())
        .setType(type)
        .setRole(user.getRole())
        .setKycStatus(user.getKycStatus())
        .setKycTier(user.getKycTier())
        .setFeeTier(user.getFeeTier())
        .setReason(reason)
        .setApiKey(apiKey)
        .setTime(time)
        .build();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
