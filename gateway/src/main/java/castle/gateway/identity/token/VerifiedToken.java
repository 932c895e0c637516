package castle.gateway.identity.token;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A token whose signature, issuer, audience and lifetime checked out.
 *
 * @param subject the issuer's id of the user
 * @param email the user's email, normalized
 * @param claims every claim, for role and group checks
 */
public record VerifiedToken(String subject, String email, JWTClaimsSet claims) {}
