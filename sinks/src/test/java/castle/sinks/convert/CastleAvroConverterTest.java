package castle.sinks.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import castle.schema.market.Candle;
import castle.schema.orders.Execution;
import castle.schema.orders.Side;
import castle.sinks.kit.Fixtures;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class CastleAvroConverterTest {

  private final CastleAvroConverter converter = converter();

  @Test
  void decodesAnyCastleTopicValueToItsGeneratedClassWhateverTheTopicIsCalled() {
    Execution execution = Fixtures.fill(1, 7, 100, Side.BUY, 1, 0);
    Candle candle = Fixtures.candle(0, 1, 1, false);

    SchemaAndValue first = converter.toConnectData("any.name", CastleRecords.encode(execution));
    SchemaAndValue second = converter.toConnectData("another", converter.fromConnectData("another", null, candle));

    assertThat(first.value()).isEqualTo(execution);
    assertThat(first.schema()).isNull();
    assertThat(second.value()).isEqualTo(candle);
    assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
  }

  @Test
  void refusesWhatIsNotCastleAvroWithAReason() {
    byte[] unknownFingerprint = CastleRecords.encode(Fixtures.candle(0, 1, 1, false));
    unknownFingerprint[5] ^= 0x55;
    byte[] truncated = Arrays.copyOf(CastleRecords.encode(Fixtures.candle(0, 1, 1, false)), 12);

    assertThatThrownBy(() -> converter.toConnectData("t", "{\"json\":1}".getBytes()))
        .isInstanceOf(DataException.class).hasMessageContaining("Not a Castle record");
    assertThatThrownBy(() -> converter.toConnectData("t", unknownFingerprint))
        .isInstanceOf(DataException.class).hasMessageContaining("Unknown schema fingerprint");
    assertThatThrownBy(() -> converter.toConnectData("t", truncated))
        .isInstanceOf(DataException.class).hasMessageContaining("Cannot decode");
  }

  @Test
  void isAValueConverterOnly() {
    assertThatThrownBy(() -> new CastleAvroConverter().configure(Map.of(), true))
        .hasMessageContaining("StringConverter");
  }

  private static CastleAvroConverter converter() {
    CastleAvroConverter converter = new CastleAvroConverter();
    converter.configure(Map.of(), false);
    return converter;
  }
}
