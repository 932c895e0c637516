package castle.gateway.identity.auth;

/** Who authenticates users: Castle itself (passwords, its own JWTs) or Amazon Cognito. */
public enum AuthMode {
  /** Castle hashes passwords, runs MFA and issues ES256 tokens published as a JWKS. */
  CASTLE,
  /** A Cognito user pool authenticates; Castle verifies its ID tokens against the pool's JWKS. */
  COGNITO
}
