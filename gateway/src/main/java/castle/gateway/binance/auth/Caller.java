package castle.gateway.binance.auth;

import castle.schema.users.ApiPermission;

/**
 * Who sent an authenticated request.
 *
 * @param accountId the key owner's account (user) id; every read and command is scoped to it
 * @param apiKey the API key the request was signed with
 * @param permission what the key may do
 * @param ip the client's IP, for rate limits
 */
public record Caller(long accountId, String apiKey, ApiPermission permission, String ip) {}
