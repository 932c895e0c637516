package castle.gateway.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import castle.gateway.security.SecretBox;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's test vectors, drift, replay and sealed enrollments. */
class TotpTest {

  /** RFC 6238 appendix B's SHA-1 seed. */
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesRfc6238TestVectors() {
    assertThat(Totp.code(RFC_SEED, Totp.step(59_000L), 8)).isEqualTo("94287082");
    assertThat(Totp.code(RFC_SEED, Totp.step(1_111_111_109_000L), 8)).isEqualTo("07081804");
    assertThat(Totp.code(RFC_SEED, Totp.step(1_234_567_890_000L), 8)).isEqualTo("89005924");
    assertThat(Totp.code(RFC_SEED, Totp.step(20_000_000_000_000L), 8)).isEqualTo("65353130");
    assertThat(Totp.code(RFC_SEED, Totp.step(59_000L))).isEqualTo("287082");
  }

  @Test
  void acceptsOneStepOfDriftEitherWayAndNoMore() {
    long now = 1_234_567_890_000L;
    long step = Totp.step(now);

    assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now)).hasValue(step - 1);
    assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now)).hasValue(step + 1);
    assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SEED, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SEED, "abcdef", now)).isEmpty();
  }

  @Test
  void aSpentStepCannotBeReplayed() {
    TotpReplayGuard guard = new TotpReplayGuard();
    long now = 1_234_567_890_000L;
    long step = Totp.step(now);

    assertThat(guard.spend(7, step, now)).isTrue();
    assertThat(guard.spend(7, step, now)).isFalse();
    assertThat(guard.spend(7, step - 1, now)).as("an older code").isFalse();
    assertThat(guard.spend(8, step, now)).as("another user").isTrue();
    assertThat(guard.spend(7, step + 1, now)).isTrue();
  }

  @Test
  void otpauthUrisAreWhatAuthenticatorAppsScan() {
    assertThat(Totp.otpauthUri("Castle", "a b@example.com", RFC_SEED))
        .isEqualTo("otpauth://totp/Castle:a%20b%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Castle"
            + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void enrollmentsOpenOnlyForTheirUserBeforeTheyExpire() {
    MfaEnrollment enrollments = new MfaEnrollment(new SecretBox(SecretBox.newKey()));
    byte[] seed = Totp.newSeed();
    String token = enrollments.token(7, seed, 1_000);

    assertThat(enrollments.seed(token, 7, 2_000)).hasValueSatisfying(opened -> assertThat(opened).isEqualTo(seed));
    assertThat(enrollments.seed(token, 8, 2_000)).isEmpty();
    assertThat(enrollments.seed(token, 7, 1_000 + MfaEnrollment.VALID_MS + 1)).isEmpty();
    assertThat(enrollments.seed(token.substring(0, token.length() - 2) + "AA", 7, 2_000)).isEmpty();
    assertThat(enrollments.seed("not base64 !", 7, 2_000)).isEmpty();
  }
}
