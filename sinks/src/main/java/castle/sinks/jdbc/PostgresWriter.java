package castle.sinks.jdbc;

import castle.schema.market.Candle;
import castle.schema.market.Trade;
import castle.schema.orders.Execution;
import castle.schema.users.UserEvent;
import castle.schema.wallet.LedgerEntry;
import castle.sinks.core.PoisonRecordException;
import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import castle.sinks.core.SinkWriter;
import castle.sinks.core.WriteResult;
import castle.sinks.jdbc.tables.CandlesTable;
import castle.sinks.jdbc.tables.LedgerTable;
import castle.sinks.jdbc.tables.OrdersTable;
import castle.sinks.jdbc.tables.TradesTable;
import castle.sinks.jdbc.tables.UsersTable;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes Castle's records to PostgreSQL: the table is chosen by the record's type, so one connector
 * reads every topic it is given. A batch is one transaction with one JDBC batch per table, so it lands
 * whole or not at all.
 */
final class PostgresWriter implements SinkWriter<Row> {

  /** SQLSTATE classes worth retrying: connection, transaction rollback, resources, operator, system. */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final HikariDataSource pool;

  PostgresWriter(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Optional<Row> prepare(SinkRecord record) {
    Object value = record.value();
    if (value instanceof Trade trade) {
      return Optional.of(TradesTable.row(trade));
    } else if (value instanceof Execution execution) {
      return OrdersTable.row(execution);
    } else if (value instanceof LedgerEntry entry) {
      return Optional.of(LedgerTable.row(entry));
    } else if (value instanceof UserEvent user) {
      return UsersTable.row(user, record.kafkaPartition(), record.kafkaOffset());
    } else if (value instanceof Candle candle) {
      return Optional.of(CandlesTable.row(candle));
    }
    throw new PoisonRecordException("No table takes "
        + (value == null ? "a null value" : value.getClass().getName()) + " (topic " + record.topic() + ")");
  }

  @Override
  public int maxBatchSize() {
    return 10_000;
  }

  @Override
  public WriteResult write(List<Row> rows) throws RetriableWriteException, RejectedBatchException {
    Map<String, List<Row>> byStatement = new LinkedHashMap<>();
    rows.forEach(row -> byStatement.computeIfAbsent(row.sql(), sql -> new ArrayList<>()).add(row));
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int applied = 0;
        for (Map.Entry<String, List<Row>> statement : byStatement.entrySet()) {
          applied += execute(connection, statement.getKey(), statement.getValue());
        }
        connection.commit();
        return new WriteResult(applied, rows.size() - applied, List.of());
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw rethrow(e);
    }
  }

  private static int execute(Connection connection, String sql, List<Row> rows) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Row row : rows) {
        List<Object> params = row.params();
        for (int i = 0; i < params.size(); i++) {
          statement.setObject(i + 1, params.get(i));
        }
        statement.addBatch();
      }
      int changed = 0;
      for (int count : statement.executeBatch()) {
        // An upsert whose row was already there, or newer, reports 0.
        changed += count == 0 ? 0 : 1;
      }
      return changed;
    }
  }

  private static IllegalStateException rethrow(SQLException e) throws RetriableWriteException, RejectedBatchException {
    String state = sqlState(e);
    boolean transientFailure = e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || state == null || LOCK_NOT_AVAILABLE.equals(state)
        || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    String message = "PostgreSQL " + (state == null ? "" : "(SQLSTATE " + state + ") ") + rootMessage(e);
    if (transientFailure) {
      throw new RetriableWriteException(message, e);
    }
    throw new RejectedBatchException(message, e);
  }

  private static String sqlState(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null) {
        return next.getSQLState();
      }
    }
    return null;
  }

  private static String rootMessage(SQLException e) {
    SQLException last = e;
    while (last.getNextException() != null) {
      last = last.getNextException();
    }
    return last.getMessage();
  }

  @Override
  public void close() {
    pool.close();
  }
}
