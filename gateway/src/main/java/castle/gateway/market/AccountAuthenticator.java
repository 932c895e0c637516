package castle.gateway.market;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The seam through which market data learns who is asking: the gateway's real authentication (JWT
 * sessions and API keys, from the identity and trading parts) implements it, and the alert routes
 * and the user-data WebSocket ask it. For a WebSocket it is asked with the upgrade request, before
 * the connection opens.
 */
@FunctionalInterface
public interface AccountAuthenticator {

  /**
   * The account the request acts for; empty when it carries no credentials at all.
   *
   * @throws castle.gateway.api.ApiException (401) when it carries credentials that are not valid
   */
  Optional<Long> authenticate(Context ctx);

  /** No authentication wired: every request is anonymous, so the alert routes answer 401. */
  static AccountAuthenticator anonymousOnly() {
    return ctx -> Optional.empty();
  }
}
