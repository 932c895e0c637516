package castle.gateway.identity.auth;

import castle.schema.users.Role;

/**
 * The user a request acts for.
 *
 * @param userId the user's (and account's) id
 * @param email normalized email, the users store's key
 * @param role USER or ADMIN
 */
public record Principal(long userId, String email, Role role) {

  /** Whether the user may use the admin API. */
  public boolean admin() {
    return role == Role.ADMIN;
  }
}
