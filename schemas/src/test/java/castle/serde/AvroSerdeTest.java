package castle.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.schema.orders.OrderCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.orders.OrderType;
import castle.schema.orders.SelfTradePreventionMode;
import castle.schema.orders.Side;
import castle.schema.orders.TimeInForce;
import castle.schema.test.Widget;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  @Test
  void roundTripsAPlaceOrderCommand() {
    AvroSerde<OrderCommand> serde = AvroSerde.of(OrderCommand.class);
    OrderCommand command =
        OrderCommand.newBuilder()
            .setCommandId(42)
            .setAccountId(7)
            .setSymbol("BTCUSDT")
            .setAction(
                PlaceOrder.newBuilder()
                    .setOrderId(1001)
                    .setClientOrderId("bot-17")
                    .setSide(Side.BUY)
                    .setType(OrderType.LIMIT)
                    .setTimeInForce(TimeInForce.GTC)
                    .setPrice(3_000_000_000_000L)
                    .setQuantity(150_000_000L)
                    .setSelfTradePreventionMode(SelfTradePreventionMode.EXPIRE_MAKER)
                    .build())
            .build();

    byte[] bytes = serde.serializer().serialize("orders.commands", command);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.deserializer().deserialize("orders.commands", bytes)).isEqualTo(command);
  }

  @Test
  void tombstonesStayNull() {
    AvroSerde<OrderCommand> serde = AvroSerde.of(OrderCommand.class);

    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void readsARecordWrittenWithAnOlderReleasedSchema() throws IOException {
    Schema v1 = SchemaHistory.versions("castle.schema.test.Widget").get(0);
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", 5L);
    old.put("name", "sprocket");
    byte[] written = bytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old));

    Widget read = AvroSerde.of(Widget.class).decode(written);

    assertThat(read.getId()).isEqualTo(5L);
    assertThat(read.getName()).isEqualTo("sprocket");
    assertThat(read.getColour()).isEqualTo("grey");
  }

  @Test
  void anUnknownFingerprintIsAClearError() throws IOException {
    Schema stranger =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Widget\",\"namespace\":\"castle.schema.test\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}");
    GenericRecord record = new GenericData.Record(stranger);
    record.put("id", 1);
    byte[] written =
        bytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger).encode(record));

    assertThatThrownBy(() -> AvroSerde.of(Widget.class).decode(written))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema fingerprint 0x")
        .hasMessageContaining("castle.schema.test.Widget")
        .hasMessageContaining("upgrade this reader");
  }

  @Test
  void bytesWithoutTheSingleObjectHeaderAreRefused() {
    assertThatThrownBy(() -> AvroSerde.of(Widget.class).decode(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Not an Avro single-object record");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
