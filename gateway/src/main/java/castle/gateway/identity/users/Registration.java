package castle.gateway.identity.users;

import castle.gateway.identity.EmailAddress;
import castle.gateway.identity.password.PasswordHasher;
import castle.gateway.identity.password.PasswordPolicy;
import castle.gateway.identity.token.VerifiedToken;
import castle.schema.users.RegisterUser;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates users. With a password, the gateway checks it against the policy and hashes it (Argon2id)
 * before anything is sent; the plaintext goes no further. Users of an external identity provider are
 * registered with its subject and no password. Returns once the user can log in.
 */
public final class Registration {

  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

  private final UserCommands commands;
  private final PasswordHasher hasher;

  /** Registration through {@code commands}, hashing with {@code hasher}. */
  public Registration(UserCommands commands, PasswordHasher hasher) {
    this.commands = commands;
    this.hasher = hasher;
  }

  /**
   * Registers {@code email}; a null password makes a user who can only use API keys.
   *
   * @return the REGISTERED event
   */
  public UserEvent register(String email, String password, Role role) {
    String normalized = EmailAddress.normalize(email);
    String hash = null;
    if (password != null) {
      PasswordPolicy.check(password, normalized);
      hash = hasher.hash(password);
    }
    UserEvent registered = commands.send(normalized, new RegisterUser(commands.newUserId(), hash, null, role));
    LOG.info("Registered user {} as {}", registered.getUserId(), role);
    return registered;
  }

  /** Registers the holder of a verified external token, linked to its subject. */
  public UserEvent registerExternal(VerifiedToken token) {
    String normalized = EmailAddress.normalize(token.email());
    UserEvent registered = commands.send(normalized, new RegisterUser(commands.newUserId(), null, token.subject(), Role.USER));
    LOG.info("Registered user {} linked to an external identity", registered.getUserId());
    return registered;
  }
}
