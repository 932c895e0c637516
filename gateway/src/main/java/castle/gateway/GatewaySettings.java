package castle.gateway;

/**
 * Where the gateway listens.
 *
 * @param host the address to bind; loopback unless the operator opens it up
 * @param port the HTTP port; 0 picks a free one
 */
public record GatewaySettings(String host, int port) {}
