package castle.sinks.notify;

import castle.schema.alerts.Notification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A notification as an SNS or SQS message: a JSON body with every field, message attributes that
 * subscribers filter on ({@code kind}, {@code accountId}, {@code symbol}, {@code notificationId} and
 * the notification's own attributes, up to the services' limit of 10: an order update's
 * {@code status}, {@code executionType}, {@code side} and {@code orderId} first), and for FIFO targets the
 * deduplication id (the notification id, which stays the same across redeliveries) and the message
 * group (the account, so each account's notifications keep their order).
 *
 * @param body the JSON body
 * @param stringAttributes attributes of type String
 * @param accountId the account, sent as a Number attribute and used as the FIFO message group
 * @param deduplicationId the FIFO deduplication id
 */
public record OutgoingMessage(String body, Map<String, String> stringAttributes, long accountId, String deduplicationId) {

  /** SNS and SQS accept at most 10 message attributes. */
  static final int ATTRIBUTE_LIMIT = 10;

  /**
   * Attributes that go before the others: an order update carries more than the limit leaves room
   * for, and these are what a filter policy picks order updates by (only fills, only one order).
   */
  private static final List<String> FILTERED_FIRST = List.of("status", "executionType", "side", "orderId");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
  private static final Pattern DEDUPLICATION_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

  /** The message of a notification. */
  public static OutgoingMessage of(Notification n) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("kind", n.getKind().name());
    attributes.put("notificationId", n.getNotificationId());
    if (n.getSymbol() != null) {
      attributes.put("symbol", n.getSymbol());
    }
    // The accountId Number attribute takes one more slot; the notification's own attributes fill the
    // rest, those subscribers filter on first and the others in name order, and all of them are in
    // the body anyway.
    Map<String, String> own = new TreeMap<>(n.getAttributes());
    for (String name : FILTERED_FIRST) {
      if (own.containsKey(name)) {
        offer(attributes, name, own.get(name));
      }
    }
    own.forEach((name, value) -> offer(attributes, name, value));
    return new OutgoingMessage(body(n), attributes, n.getAccountId(), deduplicationId(n.getNotificationId()));
  }

  /** Adds an attribute the services accept while there is room, keeping one slot for accountId. */
  private static void offer(Map<String, String> attributes, String name, String value) {
    if (attributes.size() + 1 < ATTRIBUTE_LIMIT && validAttributeName(name) && !value.isEmpty()) {
      attributes.putIfAbsent(name, value);
    }
  }

  /** A message attribute as SNS and SQS take it: a data type and a value. */
  public record Attribute(String dataType, String value) {}

  /** Every message attribute: the String ones and the accountId Number. */
  public Map<String, Attribute> attributes() {
    Map<String, Attribute> all = new LinkedHashMap<>();
    stringAttributes.forEach((name, value) -> all.put(name, new Attribute("String", value)));
    all.put("accountId", new Attribute("Number", Long.toString(accountId)));
    return all;
  }

  /** The FIFO message group: the account, so each account's notifications keep their order. */
  public String groupId() {
    return Long.toString(accountId);
  }

  /** True for a queue or topic that de-duplicates and orders: its name ends in {@code .fifo}. */
  public static boolean isFifo(String arnOrUrl) {
    return arnOrUrl.endsWith(".fifo");
  }

  private static boolean validAttributeName(String name) {
    return ATTRIBUTE_NAME.matcher(name).matches() && !name.startsWith("AWS.") && !name.startsWith("Amazon.")
        && !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
  }

  private static String deduplicationId(String notificationId) {
    if (DEDUPLICATION_ID.matcher(notificationId).matches()) {
      return notificationId;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(notificationId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String body(Notification n) {
    ObjectNode node = JSON.createObjectNode()
        .put("notificationId", n.getNotificationId())
        .put("accountId", n.getAccountId())
        .put("kind", n.getKind().name())
        .put("symbol", n.getSymbol())
        .put("title", n.getTitle())
        .put("message", n.getMessage())
        .put("time", n.getTime());
    ObjectNode attributes = node.putObject("attributes");
    new TreeMap<>(n.getAttributes()).forEach(attributes::put);
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a notification as JSON", e);
    }
  }
}
