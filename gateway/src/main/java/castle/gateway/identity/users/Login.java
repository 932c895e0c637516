package castle.gateway.identity.users;

import castle.gateway.identity.EmailAddress;
import castle.gateway.identity.IdentityErrors;
import castle.gateway.identity.mfa.Mfa;
import castle.gateway.identity.password.PasswordHasher;
import castle.gateway.identity.token.TokenIssuer;
import castle.gateway.identity.token.TokenIssuer.IssuedToken;
import castle.iq.users.UserCredentials;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password login, with a TOTP code when the user has MFA on. Unknown emails, users without a
 * password and wrong passwords get the same answer after the same work, so the answer does not tell
 * which emails exist. A correct password without the code MFA needs gets "MFA code required".
 */
public final class Login {

  private static final Logger LOG = LoggerFactory.getLogger(Login.class);

  private final UserDirectory users;
  private final PasswordHasher hasher;
  private final Mfa mfa;
  private final TokenIssuer tokens;

  /** Logins checked against {@code users}, issuing tokens with {@code tokens}. */
  public Login(UserDirectory users, PasswordHasher hasher, Mfa mfa, TokenIssuer tokens) {
    this.users = users;
    this.hasher = hasher;
    this.mfa = mfa;
    this.tokens = tokens;
  }

  /** A token for the user, or 401. */
  public IssuedToken login(String email, String password, Optional<String> mfaCode) {
    Optional<UserCredentials> found = users.credentials(EmailAddress.normalize(email));
    UserCredentials user = found.filter(c -> c.passwordHash() != null).orElse(null);
    if (user == null) {
      hasher.verifyDecoy(password);
      LOG.info("Login refused: no password user with that email");
      throw IdentityErrors.invalidCredentials();
    }
    if (!hasher.verify(password, user.passwordHash())) {
      LOG.info("Login refused for user {}: wrong password", user.userId());
      throw IdentityErrors.invalidCredentials();
    }
    if (user.mfaEnabled()) {
      mfa.check(user.userId(), user.sealedTotpSecret(), mfaCode.orElseThrow(IdentityErrors::mfaRequired));
    }
    LOG.info("User {} logged in{}", user.userId(), user.mfaEnabled() ? " with MFA" : "");
    return tokens.issue(user.userId(), user.email(), user.role(), user.mfaEnabled());
  }
}
