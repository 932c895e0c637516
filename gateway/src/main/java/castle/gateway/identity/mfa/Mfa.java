package castle.gateway.identity.mfa;

import castle.gateway.identity.IdentityErrors;
import castle.gateway.identity.auth.Principal;
import castle.gateway.identity.users.UserCommands;
import castle.gateway.identity.users.UserDirectory;
import castle.gateway.security.SecretBox;
import castle.iq.users.UserCredentials;
import castle.schema.users.SetMfa;
import castle.users.UserRefusal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TOTP multi-factor authentication. Enrolling returns a new seed once (as an {@code otpauth://} URI
 * and in base32) with a sealed enrollment token; confirming that token with a valid code turns MFA on
 * (the seed, sealed, goes to the users topology). From then on login, API key creation and turning
 * MFA off need a current code, and each code works once.
 */
public final class Mfa {

  private static final Logger LOG = LoggerFactory.getLogger(Mfa.class);

  /** The issuer name authenticator apps show. */
  public static final String ISSUER = "Castle";

  /**
   * A new seed for the user to add to an authenticator app.
   *
   * @param secret the seed in base32, shown this once
   * @param otpauthUri the same seed as a URI for a QR code
   * @param enrollmentToken what to send back with the first code
   * @param expiresAt epoch ms after which the token is refused
   */
  public record Enrollment(String secret, String otpauthUri, String enrollmentToken, long expiresAt) {}

  private final SecretBox box;
  private final MfaEnrollment enrollments;
  private final TotpReplayGuard replays = new TotpReplayGuard();
  private final UserCommands commands;
  private final UserDirectory users;
  private final Clock clock;

  /** MFA with seeds sealed by {@code box}. */
  public Mfa(SecretBox box, UserCommands commands, UserDirectory users, Clock clock) {
    this.box = box;
    this.enrollments = new MfaEnrollment(box);
    this.commands = commands;
    this.users = users;
    this.clock = clock;
  }

  /** Starts enrolling; 409 when MFA is already on. */
  public Enrollment enroll(Principal principal) {
    if (credentials(principal).mfaEnabled()) {
      throw IdentityErrors.refused(UserRefusal.MFA_ALREADY_ENABLED.message());
    }
    byte[] seed = Totp.newSeed();
    long now = clock.millis();
    return new Enrollment(
        Totp.base32(seed), Totp.otpauthUri(ISSUER, principal.email(), seed),
        enrollments.token(principal.userId(), seed, now), now + MfaEnrollment.VALID_MS);
  }

  /** Turns MFA on with the seed in {@code enrollmentToken}, proven by a code from it. */
  public void confirm(Principal principal, String enrollmentToken, String code) {
    byte[] seed = enrollments.seed(enrollmentToken, principal.userId(), clock.millis())
        .orElseThrow(IdentityErrors::invalidEnrollment);
    spend(principal.userId(), seed, code);
    commands.send(principal.email(), new SetMfa(ByteBuffer.wrap(box.seal(seed))));
    LOG.info("User {} turned MFA on", principal.userId());
  }

  /** Turns MFA off, proven by a current code. */
  public void disable(Principal principal, String code) {
    UserCredentials user = credentials(principal);
    if (!user.mfaEnabled()) {
      throw IdentityErrors.refused(UserRefusal.MFA_NOT_ENABLED.message());
    }
    check(user.userId(), user.sealedTotpSecret(), code);
    commands.send(principal.email(), new SetMfa(null));
    LOG.info("User {} turned MFA off", principal.userId());
  }

  /** Requires a current code when the user has MFA on (for sensitive actions such as new API keys). */
  public void requireIfEnabled(Principal principal, Optional<String> code) {
    UserCredentials user = credentials(principal);
    if (user.mfaEnabled()) {
      check(user.userId(), user.sealedTotpSecret(), code.orElseThrow(IdentityErrors::mfaRequired));
    }
  }

  /** Accepts {@code code} for the sealed seed once; 401 otherwise. */
  public void check(long userId, byte[] sealedSeed, String code) {
    spend(userId, box.open(sealedSeed), code);
  }

  private void spend(long userId, byte[] seed, String code) {
    long now = clock.millis();
    OptionalLong step = Totp.matchingStep(seed, code, now);
    if (step.isEmpty() || !replays.spend(userId, step.getAsLong(), now)) {
      LOG.info("Refused an MFA code of user {}", userId);
      throw IdentityErrors.invalidMfaCode();
    }
  }

  private UserCredentials credentials(Principal principal) {
    return users.credentials(principal.email())
        .orElseThrow(() -> IdentityErrors.refused(UserRefusal.UNKNOWN_USER.message()));
  }
}
