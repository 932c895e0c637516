package castle.bench.workload;

import castle.bench.workload.OrderMix.Action;
import org.eclipse.jetty.http.HttpMethod;

/**
 * One request the workload sends.
 *
 * @param action what it does
 * @param method POST for orders, DELETE for cancels
 * @param symbol its symbol
 * @param params the unsigned parameters
 * @param full whether it asks for a FULL answer (else ACK; cancels are always answered in full)
 * @param clientOrderId the client id it carries, to match it with stream events
 */
public record OrderRequest(
    Action action, HttpMethod method, String symbol, String params, boolean full, String clientOrderId) {

  /** The order endpoint. */
  public static final String PATH = "/api/v3/order";
}
