package castle.gateway.identity.users;

import castle.gateway.identity.EmailAddress;
import castle.gateway.identity.password.PasswordHasher;
import castle.gateway.identity.password.PasswordPolicy;
import castle.gateway.identity.token.VerifiedToken;
import castle.schema.users.RegisterUser;
import castle.schema.users.Role;
import castle.schema.users.UserEvent;

/**
 * Creates users. With a password, the gateway checks it against the policy and hashes it (Argon2id)
 * before anything is sent; the plaintext goes no further. Users of an external identity provider are
 * registered with its subject and no password. Returns once the user can log in.
 */
public final class Registration {

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
    return commands.send(normalized, new RegisterUser(commands.newUserId(), hash, null, role));
  }

  /** Registers the holder of a verified external token, linked to its subject. */
  public UserEvent registerExternal(VerifiedToken token) {
    String normalized = EmailAddress.normalize(token.email());
    return commands.send(normalized, new RegisterUser(commands.newUserId(), null, token.subject(), Role.USER));
  }
}
