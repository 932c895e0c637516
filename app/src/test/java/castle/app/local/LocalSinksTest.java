package castle.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import castle.app.Resources;
import castle.schema.market.Trade;
import castle.topics.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** castle local's sinks: the JDBC sink writes to the embedded PostgreSQL under the data directory. */
class LocalSinksTest {

  @Test
  void aTradeLandsInTheEmbeddedPostgresAndStaysThereAcrossARestart(@TempDir Path dir) throws Exception {
    LocalCastle.Settings settings = new LocalCastle.Settings(dir.resolve("data"), "127.0.0.1", 0, 0);
    Trade trade = Trade.newBuilder().setSymbol("BTCUSDT").setTradeId(1).setPrice(3_000_000_000_000L).setQty(10_000_000L)
        .setQuoteQty(300_000_000_000L).setTime(1_732_600_000_000L).setBuyerIsMaker(false).setBuyOrderId(2)
        .setSellOrderId(3).setBuyerAccountId(7).setSellerAccountId(8).setBuyerCommission(0).setSellerCommission(0)
        .setTakerCommandId(20).setBaseAsset("BTC").setQuoteAsset("USDT").setBaseScale(8).setQuoteScale(8).build();

    try (LocalCastle castle = LocalCastle.start(settings, new Resources())) {
      castle.sinks().awaitStarted();
      assertThat(castle.sinks().problem()).isEmpty();
      assertThat(castle.sinks().jdbcUrl()).isPresent();
      try (KafkaProducer<String, Trade> producer = new KafkaProducer<>(
          Map.of("bootstrap.servers", castle.broker().bootstrapServers()), new StringSerializer(),
          Topics.MARKET_TRADES.valueSerde().serializer())) {
        producer.send(new ProducerRecord<>(Topics.MARKET_TRADES.name(), "BTCUSDT", trade)).get();
      }
      String url = castle.sinks().jdbcUrl().orElseThrow();
      await().atMost(Duration.ofSeconds(60)).until(() -> price(url).equals("30000.00000000"));
    }
    assertThat(dir.resolve("data").resolve("postgres").resolve("PG_VERSION")).exists();

    try (LocalCastle again = LocalCastle.start(settings, new Resources())) {
      again.sinks().awaitStarted();
      assertThat(price(again.sinks().jdbcUrl().orElseThrow())).isEqualTo("30000.00000000");
    }
  }

  private static String price(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet result = connection.createStatement().executeQuery("SELECT price FROM trades WHERE trade_id = 1")) {
      return result.next() ? result.getBigDecimal(1).toPlainString() : "";
    } catch (SQLException notYetCreated) {
      return "";
    }
  }
}
