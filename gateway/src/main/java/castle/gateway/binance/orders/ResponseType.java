package castle.gateway.binance.orders;

/** Binance's {@code newOrderRespType}: how much a new order's answer waits for. */
public enum ResponseType {
  /** As soon as Kafka has the command (acks=all): ids and time only. */
  ACK,
  /** Once the order's outcome is known: the order's state, without fills. */
  RESULT,
  /** Once the order's outcome is known: the order's state and every fill. */
  FULL
}
