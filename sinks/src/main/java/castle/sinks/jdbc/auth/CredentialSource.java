package castle.sinks.jdbc.auth;

/** Where each new database connection gets its credentials. */
public interface CredentialSource {

  /** The credentials for a connection opened now. */
  Credentials current();

  /** Forgets cached credentials after the database refused them (a rotated secret). */
  default void refresh() {}
}
