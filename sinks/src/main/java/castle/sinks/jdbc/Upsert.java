package castle.sinks.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the idempotent statement of one table: an insert keyed on the natural id that either leaves
 * an existing row alone (facts such as trades and ledger entries never change) or replaces it only
 * when the incoming row is newer (latest-state tables such as orders and candles).
 */
public final class Upsert {

  private final String table;
  private final List<String> columns = new ArrayList<>();
  private final Map<String, String> casts = new LinkedHashMap<>();
  private final Map<String, String> updateExpressions = new LinkedHashMap<>();
  private String[] key = new String[0];

  private Upsert(String table) {
    this.table = table;
  }

  /** Starts the statement of a table. */
  public static Upsert into(String table) {
    return new Upsert(table);
  }

  /** The columns, in the order rows give their values. */
  public Upsert columns(String... names) {
    columns.addAll(List.of(names));
    return this;
  }

  /** Casts a column's parameter, for values that may be null. */
  public Upsert cast(String column, String sqlType) {
    casts.put(column, sqlType);
    return this;
  }

  /** On update, sets {@code column} to {@code expression} instead of the incoming value. */
  public Upsert updateWith(String column, String expression) {
    updateExpressions.put(column, expression);
    return this;
  }

  /** The natural key. */
  public Upsert key(String... columnNames) {
    key = columnNames;
    return this;
  }

  /** Inserts new rows and leaves existing ones as they are. */
  public String insertOnly() {
    return insert() + " DO NOTHING";
  }

  /** Inserts new rows and replaces existing ones only where {@code guard} holds. */
  public String replaceWhen(String guard) {
    String sets =
        columns.stream()
            .filter(c -> !List.of(key).contains(c))
            .map(c -> c + " = " + updateExpressions.getOrDefault(c, "EXCLUDED." + c))
            .collect(Collectors.joining(", "));
    return insert() + " DO UPDATE SET " + sets + " WHERE " + guard;
  }

  private String insert() {
    String placeholders =
        columns.stream().map(c -> casts.containsKey(c) ? "?::" + casts.get(c) : "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders
        + ") ON CONFLICT (" + String.join(", ", key) + ")";
  }
}
