package castle.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Why an admin command could not run, as the {@code {code, msg}} JSON it prints. */
public final class AdminFailure extends Exception {

  private final JsonNode json;

  AdminFailure(int code, String msg) {
    super(msg);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("code", code);
    node.put("msg", msg);
    this.json = node;
  }

  /** The failure an error answer describes. */
  public AdminFailure(AdminClient.Response response) {
    super(response.body().path("msg").asText());
    this.json = response.body();
  }

  JsonNode json() {
    return json;
  }
}
