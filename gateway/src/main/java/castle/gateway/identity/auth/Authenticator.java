package castle.gateway.identity.auth;

import castle.gateway.identity.IdentityErrors;
import castle.gateway.identity.token.InvalidTokenException;
import castle.gateway.identity.token.TokenIssuer;
import castle.gateway.identity.token.TokenVerifier;
import castle.gateway.identity.token.VerifiedToken;
import castle.gateway.identity.users.UserDirectory;
import castle.iq.users.UserProfile;
import castle.schema.users.Role;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's {@code Authorization: Bearer <jwt>} into the {@link Principal} it acts for, or a
 * 401. Castle's own tokens carry the user id and role; a Cognito token names an email, which must
 * belong to a user registered with that Cognito subject, whose role comes from Castle's store (or
 * ADMIN for members of the configured admin group).
 */
public final class Authenticator {

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
  private static final String BEARER = "Bearer ";
  private static final int MAX_TOKEN_LENGTH = 8 * 1024;

  private final TokenVerifier verifier;
  private final Function<VerifiedToken, Principal> principals;

  private Authenticator(TokenVerifier verifier, Function<VerifiedToken, Principal> principals) {
    this.verifier = verifier;
    this.principals = principals;
  }

  /** Trusts Castle's own tokens, whose claims name the user. */
  public static Authenticator castle(TokenVerifier verifier) {
    return new Authenticator(verifier, token -> {
      try {
        return new Principal(
            Long.parseLong(token.subject()), token.email(), Role.valueOf((String) token.claims().getClaim(TokenIssuer.ROLE_CLAIM)));
      } catch (RuntimeException e) {
        throw IdentityErrors.notAuthenticated();
      }
    });
  }

  /** Trusts Cognito ID tokens of users registered with their Cognito subject. */
  public static Authenticator cognito(TokenVerifier verifier, UserDirectory users, String adminGroup) {
    return new Authenticator(verifier, token -> {
      UserProfile user = users.profile(token.email()).orElseThrow(IdentityErrors::notAuthenticated);
      if (!token.subject().equals(user.externalSubject())) {
        LOG.info("Cognito subject does not match the one {} registered with", user.email());
        throw IdentityErrors.notAuthenticated();
      }
      Role role = user.role() == Role.ADMIN || inGroup(token, adminGroup) ? Role.ADMIN : Role.USER;
      return new Principal(user.userId(), user.email(), role);
    });
  }

  /** The verified bearer token of the request. */
  public VerifiedToken verify(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(BEARER) || header.length() > MAX_TOKEN_LENGTH) {
      throw IdentityErrors.notAuthenticated();
    }
    try {
      return verifier.verify(header.substring(BEARER.length()).trim());
    } catch (InvalidTokenException e) {
      LOG.debug("Refused a bearer token: {}", e.getMessage());
      throw IdentityErrors.notAuthenticated();
    }
  }

  /** The user the request acts for. */
  public Principal authenticate(Context ctx) {
    return principals.apply(verify(ctx));
  }

  /** The admin the request acts for; 403 for anyone else. */
  public Principal admin(Context ctx) {
    Principal principal = authenticate(ctx);
    if (!principal.admin()) {
      throw IdentityErrors.forbidden();
    }
    return principal;
  }

  private static boolean inGroup(VerifiedToken token, String group) {
    if (group == null || group.isBlank()) {
      return false;
    }
    Object groups = token.claims().getClaim("cognito:groups");
    return groups instanceof List<?> list && list.contains(group);
  }
}
