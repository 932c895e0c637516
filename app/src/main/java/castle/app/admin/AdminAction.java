package castle.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One {@code castle admin} command: a single call to the admin API, whose JSON answer it prints.
 * Exit code 0 when Castle accepted it, 1 when Castle refused it (the {@code {code, msg}} error is
 * printed), 2 when Castle could not be reached or logged in to.
 */
abstract class AdminAction implements Callable<Integer> {

  /**
   * The call to make.
   *
   * @param method HTTP method
   * @param path path under the gateway
   * @param body JSON body, or null
   */
  record Call(String method, String path, Map<String, Object> body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin AdminConnection connection;

  @Spec CommandSpec spec;

  /** The call this command makes. */
  abstract Call request();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try {
      AdminConnection.Session session = connection.open();
      Call call = request();
      AdminClient.Response response = session.client().send(call.method(), call.path(), call.body(), session.token());
      print(out, response.body());
      return response.ok() ? 0 : 1;
    } catch (AdminFailure e) {
      print(out, e.json());
      return 2;
    } catch (AdminClient.UnreachableException e) {
      print(out, new AdminFailure(-7302, e.getMessage()).json());
      return 2;
    }
  }

  /** A JSON object of the given name-value pairs, leaving out null values. */
  static Map<String, Object> body(Object... namesAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        body.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return body;
  }

  /** A path segment, URL-encoded. */
  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void print(PrintWriter out, JsonNode json) throws Exception {
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    out.flush();
  }
}
