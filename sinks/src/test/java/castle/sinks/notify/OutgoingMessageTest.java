package castle.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import castle.schema.alerts.Notification;
import castle.sinks.kit.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

  @Test
  void carriesEveryFieldInTheBodyAndTheFilterableOnesAsAttributes() throws Exception {
    OutgoingMessage message = OutgoingMessage.of(Fixtures.alert("n-1", 42, 1_732_600_000_000L));

    JsonNode body = new ObjectMapper().readTree(message.body());
    assertThat(body.path("notificationId").asText()).isEqualTo("n-1");
    assertThat(body.path("accountId").asLong()).isEqualTo(42);
    assertThat(body.path("attributes").path("price").asText()).isEqualTo("30000.00000000");
    assertThat(message.stringAttributes()).containsEntry("kind", "PRICE_ALERT").containsEntry("symbol", "BTCUSDT")
        .containsEntry("notificationId", "n-1").containsEntry("alertId", "a-n-1");
    assertThat(message.accountId()).isEqualTo(42);
    assertThat(message.deduplicationId()).isEqualTo("n-1");
  }

  @Test
  void anOrderUpdateLeadsWithTheAttributesSubscribersPickOrderUpdatesBy() throws Exception {
    OutgoingMessage message = OutgoingMessage.of(Fixtures.orderUpdate("exec-BTCUSDT-4", 42, 1_732_600_000_000L));

    // Its 16 attributes do not all fit in 10: status, execution type, side and order id go first
    assertThat(message.stringAttributes()).containsExactly(
        entry("kind", "ORDER_UPDATE"), entry("notificationId", "exec-BTCUSDT-4"), entry("symbol", "BTCUSDT"),
        entry("status", "PARTIALLY_FILLED"), entry("executionType", "TRADE"), entry("side", "SELL"),
        entry("orderId", "7001"), entry("clientOrderId", "c7001"), entry("commission", "6.00000000"));
    assertThat(message.attributes()).hasSize(10);
    // ...and the body carries every one of them
    JsonNode attributes = new ObjectMapper().readTree(message.body()).path("attributes");
    assertThat(attributes.size()).isEqualTo(16);
    assertThat(attributes.path("lastPrice").asText()).isEqualTo("30000.00000000");
    assertThat(message.deduplicationId()).isEqualTo("exec-BTCUSDT-4");
  }

  @Test
  void staysWithinTenAttributesAndSkipsNamesTheServicesRefuse() {
    Notification notification = Fixtures.alert("n-2", 1, 0);
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      attributes.put("extra" + (char) ('a' + i), "v");
    }
    attributes.put("AWS.reserved", "v");
    attributes.put("bad name", "v");
    notification.setAttributes(attributes);

    OutgoingMessage message = OutgoingMessage.of(notification);

    // Nine String attributes plus the accountId Number attribute.
    assertThat(message.stringAttributes()).hasSize(9).doesNotContainKeys("AWS.reserved", "bad name");
  }

  @Test
  void aNotificationIdTheServicesRefuseAsDeduplicationIdIsHashed() {
    Notification notification = Fixtures.alert("ünïcode id with spaces", 1, 0);

    assertThat(OutgoingMessage.of(notification).deduplicationId()).hasSize(64).matches("[0-9a-f]+");
    assertThat(OutgoingMessage.isFifo("https://sqs.eu-west-1.amazonaws.com/1/alerts.fifo")).isTrue();
    assertThat(OutgoingMessage.isFifo("arn:aws:sns:eu-west-1:1:alerts")).isFalse();
  }
}
