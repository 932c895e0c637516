package castle.iq.accounts;

import java.util.List;

/** Orders of one account, by symbol then orderId (a lookup: the order found, or none). */
public record OrderList(List<OrderView> orders) {}
