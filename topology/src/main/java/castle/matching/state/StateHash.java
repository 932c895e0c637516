package castle.matching.state;

import castle.matching.book.Order;
import castle.matching.engine.SymbolEngine;
import castle.schema.matching.BookOrder;
import castle.schema.matching.SymbolBook;
import castle.serde.AvroSerde;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of the whole matching state in a canonical order: per symbol (sorted), its stored
 * SymbolBook, then every live order, resting and waiting, by time priority. Equal hashes after a
 * replay mean the replay rebuilt the same books.
 */
public final class StateHash {

  private static final AvroSerde<SymbolBook> SYMBOLS = AvroSerde.of(SymbolBook.class);
  private static final AvroSerde<BookOrder> ORDERS = AvroSerde.of(BookOrder.class);

  private StateHash() {}

  /** SHA-256 of the engines' state, in hex. */
  public static String of(Collection<SymbolEngine> engines) {
    MessageDigest digest = sha256();
    engines.stream().sorted(Comparator.comparing(SymbolEngine::symbol)).forEach(engine -> {
      digest.update(SYMBOLS.encode(engine.state()));
      List<Order> live = new ArrayList<>();
      engine.book().forEachOrder(live::add);
      live.addAll(engine.stops().all());
      live.sort(Comparator.comparingLong(Order::sequence));
      for (Order order : live) {
        digest.update(ORDERS.encode(BookRecords.toRecord(engine.symbol(), order)));
      }
    });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
