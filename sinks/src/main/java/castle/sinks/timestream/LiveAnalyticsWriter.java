package castle.sinks.timestream;

import castle.schema.market.Candle;
import castle.sinks.aws.AwsFailures;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.WriteResult;
import castle.sinks.core.WriteResult.Rejection;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.timestreamwrite.TimestreamWriteClient;
import software.amazon.awssdk.services.timestreamwrite.model.Dimension;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValue;
import software.amazon.awssdk.services.timestreamwrite.model.MeasureValueType;
import software.amazon.awssdk.services.timestreamwrite.model.Record;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecord;
import software.amazon.awssdk.services.timestreamwrite.model.RejectedRecordsException;
import software.amazon.awssdk.services.timestreamwrite.model.TimeUnit;

/**
 * Writes candles to Amazon Timestream for LiveAnalytics, for accounts that already use it (it takes no
 * new customers since 2025-06-20). Each candle is one multi-measure record with dimensions symbol and
 * interval at its open time, and its {@code version} as the record's Version: Timestream replaces a
 * record only with a higher version, so the final candle replaces partial ones, and the same record
 * written again is accepted without change.
 *
 * <p>Timestream ingests the records of a request it does not reject. A record rejected because a
 * newer version is stored ({@code ExistingVersion} at least ours) is already superseded: unchanged,
 * not poison. Any other rejection (outside the memory store's time range, over a limit) is poison.
 */
final class LiveAnalyticsWriter extends CandleWriter {

  private final TimestreamWriteClient client;
  private final String database;
  private final String table;
  private final String measureName;

  LiveAnalyticsWriter(TimestreamWriteClient client, String database, String table, String measureName) {
    this.client = client;
    this.database = database;
    this.table = table;
    this.measureName = measureName;
  }

  @Override
  public int maxBatchSize() {
    return TimestreamSinkConfig.WRITE_RECORDS_LIMIT;
  }

  @Override
  public WriteResult write(List<Candle> candles) throws RetriableWriteException, RejectedBatchException {
    // Versions of one candle in one request would race each other; only the newest is sent.
    List<Candle> newest = CandleKey.newestOfEach(candles);
    List<Record> records = newest.stream().map(this::record).toList();
    int collapsed = candles.size() - newest.size();
    try {
      client.writeRecords(b -> b.databaseName(database).tableName(table).records(records));
      return new WriteResult(newest.size(), collapsed, List.of());
    } catch (RejectedRecordsException e) {
      WriteResult result = rejected(newest, e.rejectedRecords());
      List<Rejection> poison = result.rejections().stream()
          .map(r -> new Rejection(indexOf(candles, newest.get(r.index())), r.reason()))
          .toList();
      return new WriteResult(result.applied(), result.unchanged() + collapsed, poison);
    } catch (SdkException e) {
      throw AwsFailures.rethrow("Timestream WriteRecords", e);
    }
  }

  private static int indexOf(List<Candle> candles, Candle candle) {
    for (int i = 0; i < candles.size(); i++) {
      if (candles.get(i) == candle) {
        return i;
      }
    }
    throw new IllegalStateException("A sent candle is not in its batch");
  }

  private static WriteResult rejected(List<Candle> candles, List<RejectedRecord> rejectedRecords) {
    int superseded = 0;
    List<Rejection> poison = new ArrayList<>();
    for (RejectedRecord rejected : rejectedRecords) {
      Candle candle = candles.get(rejected.recordIndex());
      Long existing = rejected.existingVersion();
      if (existing != null && existing >= candle.getVersion()) {
        superseded++;
      } else {
        poison.add(new Rejection(rejected.recordIndex(), "Timestream rejected the record: " + rejected.reason()));
      }
    }
    int written = candles.size() - rejectedRecords.size();
    return new WriteResult(written, superseded, poison);
  }

  private Record record(Candle c) {
    return Record.builder()
        .dimensions(dimension("symbol", c.getSymbol()), dimension("interval", c.getInterval()))
        .measureName(measureName)
        .measureValueType(MeasureValueType.MULTI)
        .measureValues(
            bigint("open", c.getOpen()), bigint("high", c.getHigh()), bigint("low", c.getLow()),
            bigint("close", c.getClose()), bigint("volume", c.getVolume()), bigint("quote_volume", c.getQuoteVolume()),
            bigint("trade_count", c.getTradeCount()), bigint("taker_buy_base_volume", c.getTakerBuyBaseVolume()),
            bigint("taker_buy_quote_volume", c.getTakerBuyQuoteVolume()),
            bigint("first_trade_id", c.getFirstTradeId()), bigint("last_trade_id", c.getLastTradeId()),
            bigint("close_time", c.getCloseTime()), bigint("base_scale", c.getBaseScale()),
            bigint("quote_scale", c.getQuoteScale()),
            MeasureValue.builder().name("closed").value(Boolean.toString(c.getClosed())).type(MeasureValueType.BOOLEAN).build())
        .time(Long.toString(c.getOpenTime()))
        .timeUnit(TimeUnit.MILLISECONDS)
        .version(c.getVersion())
        .build();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  private static MeasureValue bigint(String name, long value) {
    return MeasureValue.builder().name(name).value(Long.toString(value)).type(MeasureValueType.BIGINT).build();
  }

  @Override
  public void close() {
    client.close();
  }
}
