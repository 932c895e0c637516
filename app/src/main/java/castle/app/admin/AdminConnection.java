package castle.app.admin;

import castle.app.identity.LocalAdmin;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where {@code castle admin} finds Castle and how it authenticates: by default the local admin's
 * {@code <data-dir>/admin.json}, written by the local role; any part can be overridden, and {@code
 * --admin-token} (for example a Cognito ID token of an admin) skips the password login.
 */
public final class AdminConnection {

  /** Used when neither an option nor the credentials file names a URL. */
  static final String DEFAULT_URL = "http://127.0.0.1:8080";

  @Option(names = "--data-dir", defaultValue = "data", description = "The local Castle's data directory, holding admin.json. Default: ./${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--admin-url", description = "Castle's gateway URL (default: from admin.json, else " + DEFAULT_URL + ").")
  String url;

  @Option(names = "--admin-email", description = "Admin email (default: from admin.json).")
  String email;

  @Option(names = "--admin-password", description = "Admin password (default: from admin.json). Prefer the environment (CASTLE_ADMIN_PASSWORD) to the command line.")
  String password;

  @Option(names = "--admin-token", description = "A bearer token of an admin, used instead of logging in (Cognito mode).")
  String token;

  /**
   * A session: the URL and a bearer token.
   *
   * @param client the client of the URL
   * @param token the admin's bearer token
   */
  public record Session(AdminClient client, String token) {}

  /** Logs in (unless a token was given) and returns the session; a failed login is an {@link AdminFailure}. */
  public Session open() throws IOException, AdminClient.UnreachableException, AdminFailure {
    LocalAdmin.Credentials file = LocalAdmin.read(dataDir.resolve(LocalAdmin.FILE));
    String baseUrl = url != null ? url : file != null && file.url() != null ? file.url() : DEFAULT_URL;
    AdminClient client = new AdminClient(baseUrl);
    if (token != null) {
      return new Session(client, token);
    }
    String loginEmail = email != null ? email : file == null ? null : file.email();
    String loginPassword = password != null ? password : file == null ? null : file.password();
    if (loginEmail == null || loginPassword == null) {
      throw new AdminFailure(-7301, "No admin credentials: start Castle locally (it writes " + dataDir.resolve(LocalAdmin.FILE)
          + ") or pass --admin-email and --admin-password, or --admin-token.");
    }
    AdminClient.Response login = client.login(loginEmail, loginPassword);
    if (!login.ok()) {
      throw new AdminFailure(login);
    }
    return new Session(client, login.body().path("accessToken").asText());
  }
}
