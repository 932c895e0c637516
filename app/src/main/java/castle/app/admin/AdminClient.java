package castle.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** An HTTP client of a running Castle's admin API, speaking JSON. */
public final class AdminClient {

  /**
   * An answer: the HTTP status and the JSON body.
   *
   * @param status HTTP status
   * @param body the parsed body (an error is {@code {code, msg}})
   */
  public record Response(int status, JsonNode body) {

    /** Whether the call succeeded. */
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** The server could not be reached at all. */
  public static final class UnreachableException extends Exception {
    UnreachableException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  // Setting up a trader takes several committed round trips; leave it room beyond the server's own bounds.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  AdminClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Logs in with a password and returns the access token, or the failed response. */
  public Response login(String email, String password) throws UnreachableException {
    return send("POST", "/v1/auth/login", Map.of("email", email, "password", password), null);
  }

  /** Sends one request; {@code body} may be null. */
  public Response send(String method, String path, Map<String, ?> body, String token) throws UnreachableException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Response(response.statusCode(), json);
    } catch (IOException e) {
      throw new UnreachableException("Cannot reach Castle at " + baseUrl + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("Interrupted while calling " + baseUrl);
    }
  }
}
