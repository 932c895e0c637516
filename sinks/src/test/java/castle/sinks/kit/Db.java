package castle.sinks.kit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads for assertions. */
public final class Db {

  private final String url;

  /** Reads the database at {@code url} as the embedded server's superuser. */
  public Db(String url) {
    this.url = url;
  }

  /** Every row of a query, as column-to-value maps. */
  public List<Map<String, Object>> rows(String sql) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The number of rows of a table, or -1 while it does not exist yet. */
  public long count(String table) {
    try {
      return ((Number) rows("SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
    } catch (IllegalStateException notYetMigrated) {
      return -1;
    }
  }

  /** A whole table in key order, to compare before and after a replay. */
  public List<Map<String, Object>> snapshot(String table, String orderBy) {
    return rows("SELECT * FROM " + table + " ORDER BY " + orderBy);
  }
}
