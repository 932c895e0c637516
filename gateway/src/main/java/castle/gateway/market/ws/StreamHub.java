package castle.gateway.market.ws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who listens to what, in this gateway: connections by stream name and by account. Feeds publish an
 * event once; the hub hands it to each subscriber's queue, which never blocks.
 */
public final class StreamHub {

  /** The stream name user-data events carry on combined connections. */
  static final String USER_DATA = "userData";

  private final Map<String, Set<ClientConnection>> byStream = new ConcurrentHashMap<>();
  private final Map<String, StreamName> names = new ConcurrentHashMap<>();
  private final Map<Long, Set<ClientConnection>> byAccount = new ConcurrentHashMap<>();

  void connected(ClientConnection connection) {
    connection.account().ifPresent(account ->
        byAccount.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(connection));
  }

  void disconnected(ClientConnection connection) {
    unsubscribe(connection, connection.streams());
    connection.account().ifPresent(account -> byAccount.computeIfPresent(account, (a, connections) -> {
      connections.remove(connection);
      return connections.isEmpty() ? null : connections;
    }));
  }

  void subscribe(ClientConnection connection, List<StreamName> streams) {
    for (StreamName stream : streams) {
      byStream.compute(stream.name(), (name, connections) -> {
        Set<ClientConnection> subscribers = connections == null ? ConcurrentHashMap.newKeySet() : connections;
        subscribers.add(connection);
        names.put(name, stream);
        return subscribers;
      });
    }
  }

  void unsubscribe(ClientConnection connection, List<String> streams) {
    for (String stream : streams) {
      byStream.computeIfPresent(stream, (s, connections) -> {
        connections.remove(connection);
        if (connections.isEmpty()) {
          names.remove(s);
          return null;
        }
        return connections;
      });
    }
  }

  /** Whether anyone listens to a stream. */
  public boolean hasSubscribers(String stream) {
    return byStream.containsKey(stream);
  }

  /** Every stream someone listens to. */
  public List<StreamName> subscribed() {
    return List.copyOf(names.values());
  }

  /** Whether an account has a connection here. */
  public boolean hasConnections(long accountId) {
    return byAccount.containsKey(accountId);
  }

  /** Hands a stream's event to its subscribers. */
  public void publish(String stream, String json) {
    Set<ClientConnection> subscribers = byStream.get(stream);
    if (subscribers != null) {
      Event event = new Event(stream, json);
      subscribers.forEach(connection -> connection.deliver(event));
    }
  }

  /** Hands a user-data event to the account's own connections only. */
  public void publishToAccount(long accountId, String json) {
    Set<ClientConnection> connections = byAccount.get(accountId);
    if (connections != null) {
      Event event = new Event(USER_DATA, json);
      connections.forEach(connection -> connection.deliver(event));
    }
  }
}
