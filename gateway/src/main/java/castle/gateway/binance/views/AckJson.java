package castle.gateway.binance.views;

/** The ACK answer to a new order: Kafka has it, nothing more is known yet. */
public record AckJson(String symbol, long orderId, long orderListId, String clientOrderId, long transactTime) {}
