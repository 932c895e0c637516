package castle.gateway.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id in the PHC format, interoperable with the reference implementation. */
class PasswordHasherTest {

  private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Cost.OWASP, 2);

  /** Made by the reference CLI: {@code echo -n "correct horse battery staple" | argon2 castlesaltsalt16 -id -t 2 -k 19456 -p 1 -l 32 -e}. */
  private static final String REFERENCE =
      "$argon2id$v=19$m=19456,t=2,p=1$Y2FzdGxlc2FsdHNhbHQxNg$P9Fcz40Apudea7erGB3TqdAQ5IHuXak3eDiNSNfuVp8";

  @Test
  void verifiesAHashMadeByTheReferenceImplementation() {
    assertThat(HASHER.verify("correct horse battery staple", REFERENCE)).isTrue();
    assertThat(HASHER.verify("correct horse battery stapler", REFERENCE)).isFalse();
  }

  @Test
  void hashesWithAFreshSaltInThePhcFormat() {
    String first = HASHER.hash("correct horse battery staple");
    String second = HASHER.hash("correct horse battery staple");

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
    assertThat(first).isNotEqualTo(second);
    assertThat(HASHER.verify("correct horse battery staple", first)).isTrue();
    assertThat(HASHER.verify("correct horse battery staple", second)).isTrue();
    assertThat(HASHER.verify("Correct horse battery staple", first)).isFalse();
  }

  @Test
  void refusesMalformedAndAbusiveHashes() {
    assertThat(HASHER.verify("x", null)).isFalse();
    assertThat(HASHER.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(HASHER.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$Y2FzdGxlc2FsdHNhbHQxNg$P9Fcz40Apudea7erGB3TqdAQ5IHuXak3eDiNSNfuVp8"))
        .isFalse();
    assertThat(HASHER.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$Y2FzdGxlc2FsdHNhbHQxNg$P9Fcz40Apudea7erGB3TqdAQ5IHuXak3eDiNSNfuVp8"))
        .as("a hash demanding 95 GiB").isFalse();
  }
}
