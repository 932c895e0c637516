package castle.gateway.market.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages a client sends on a market connection, as Binance defines them:
 * {@code SUBSCRIBE} and {@code UNSUBSCRIBE} with stream names, {@code LIST_SUBSCRIPTIONS}, and
 * {@code SET_PROPERTY} / {@code GET_PROPERTY} of {@code combined}. Each request is answered with
 * {@code {"result":...,"id":<its id>}} or {@code {"error":{"code":..,"msg":".."},"id":<its id>}}.
 */
final class SocketProtocol {

  /** Binance's error codes on market connections. */
  static final int UNKNOWN_PROPERTY = 0;
  static final int INVALID_VALUE = 1;
  static final int INVALID_REQUEST = 2;
  static final int INVALID_JSON = 3;

  private final StreamHub hub;
  private final ObjectMapper json;
  private final int maxStreams;

  SocketProtocol(StreamHub hub, ObjectMapper json, int maxStreams) {
    this.hub = hub;
    this.json = json;
    this.maxStreams = maxStreams;
  }

  /** Subscribes the streams named in a connection's path or query; names that are no stream are ignored. */
  void subscribeInitial(ClientConnection connection, List<String> candidates) {
    List<StreamName> streams = new ArrayList<>();
    for (String candidate : candidates) {
      StreamName.parse(candidate).ifPresent(streams::add);
    }
    subscribe(connection, streams);
  }

  /** Handles one text message and answers it. */
  void handle(ClientConnection connection, String message) {
    JsonNode request;
    try {
      request = json.readTree(message);
    } catch (Exception e) {
      connection.send(error(null, INVALID_JSON, "Invalid JSON: " + firstLine(e.getMessage())));
      return;
    }
    if (request == null || !request.isObject()) {
      connection.send(error(null, INVALID_REQUEST, "Invalid request: expected a JSON object"));
      return;
    }
    JsonNode id = request.get("id");
    if (id != null && !(id.isIntegralNumber() || id.isTextual() || id.isNull())) {
      connection.send(error(null, INVALID_VALUE, "Invalid value type: expected an integer or a string as id"));
      return;
    }
    JsonNode method = request.get("method");
    if (method == null || !method.isTextual()) {
      connection.send(error(id, INVALID_REQUEST, "Invalid request: missing field `method`"));
      return;
    }
    JsonNode params = request.path("params");
    connection.send(switch (method.asText()) {
      case "SUBSCRIBE" -> subscribe(connection, id, params);
      case "UNSUBSCRIBE" -> unsubscribe(connection, id, params);
      case "LIST_SUBSCRIPTIONS" -> result(id, json.valueToTree(connection.streams()));
      case "SET_PROPERTY" -> setProperty(connection, id, params);
      case "GET_PROPERTY" -> getProperty(connection, id, params);
      default -> error(id, INVALID_REQUEST, "Invalid request: unknown method `" + method.asText() + "`");
    });
  }

  private String subscribe(ClientConnection connection, JsonNode id, JsonNode params) {
    Optional<List<StreamName>> streams = streams(params);
    if (streams.isEmpty()) {
      return error(id, INVALID_REQUEST, "Invalid request: params must be a list of stream names");
    }
    if (!subscribe(connection, streams.get())) {
      return error(id, INVALID_REQUEST, "Invalid request: a connection may subscribe at most " + maxStreams + " streams");
    }
    return result(id, null);
  }

  private boolean subscribe(ClientConnection connection, List<StreamName> streams) {
    if (!connection.subscribe(streams.stream().map(StreamName::name).toList())) {
      return false;
    }
    hub.subscribe(connection, streams);
    return true;
  }

  private String unsubscribe(ClientConnection connection, JsonNode id, JsonNode params) {
    Optional<List<StreamName>> streams = streams(params);
    if (streams.isEmpty()) {
      return error(id, INVALID_REQUEST, "Invalid request: params must be a list of stream names");
    }
    List<String> names = streams.get().stream().map(StreamName::name).toList();
    connection.unsubscribe(names);
    hub.unsubscribe(connection, names);
    return result(id, null);
  }

  private String setProperty(ClientConnection connection, JsonNode id, JsonNode params) {
    if (!params.isArray() || params.size() != 2 || !"combined".equals(params.get(0).asText())) {
      return error(id, UNKNOWN_PROPERTY, "Unknown property");
    }
    if (!params.get(1).isBoolean()) {
      return error(id, INVALID_VALUE, "Invalid value type: expected Boolean");
    }
    connection.combined(params.get(1).asBoolean());
    return result(id, null);
  }

  private String getProperty(ClientConnection connection, JsonNode id, JsonNode params) {
    if (!params.isArray() || params.size() != 1 || !"combined".equals(params.get(0).asText())) {
      return error(id, UNKNOWN_PROPERTY, "Unknown property");
    }
    return result(id, json.getNodeFactory().booleanNode(connection.combined()));
  }

  /** The streams named in a params array; empty if any is not a stream name. */
  private static Optional<List<StreamName>> streams(JsonNode params) {
    if (!params.isArray() || params.isEmpty()) {
      return Optional.empty();
    }
    List<StreamName> streams = new ArrayList<>();
    for (JsonNode param : params) {
      Optional<StreamName> stream = param.isTextual() ? StreamName.parse(param.asText()) : Optional.empty();
      if (stream.isEmpty()) {
        return Optional.empty();
      }
      streams.add(stream.get());
    }
    return Optional.of(streams);
  }

  private String result(JsonNode id, JsonNode result) {
    ObjectNode reply = json.createObjectNode();
    reply.set("result", result);
    reply.set("id", id);
    return reply.toString();
  }

  private String error(JsonNode id, int code, String message) {
    ObjectNode reply = json.createObjectNode();
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("msg", message);
    reply.set("id", id);
    return reply.toString();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
