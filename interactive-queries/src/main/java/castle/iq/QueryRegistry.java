package castle.iq;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every query an instance can answer, by name; all instances must register the same queries. */
public final class QueryRegistry {

  private final Map<String, StoreQuery<?>> queries = new LinkedHashMap<>();

  /** A registry of the given queries. */
  public QueryRegistry(Collection<? extends StoreQuery<?>> queries) {
    for (StoreQuery<?> query : queries) {
      if (this.queries.putIfAbsent(query.name(), query) != null) {
        throw new IllegalArgumentException("Two queries are named " + query.name());
      }
    }
  }

  /** The query with this name. */
  public Optional<StoreQuery<?>> named(String name) {
    return Optional.ofNullable(queries.get(name));
  }
}
