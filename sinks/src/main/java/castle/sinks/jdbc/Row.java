package castle.sinks.jdbc;

import java.util.List;

/**
 * One statement execution: an idempotent upsert and its parameters, in column order.
 *
 * @param sql the statement, shared by every row of its table so rows batch together
 * @param params the values, bound with {@code setObject}
 */
public record Row(String sql, List<Object> params) {}
