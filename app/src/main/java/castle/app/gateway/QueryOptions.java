package castle.app.gateway;

import castle.app.streams.QueryWiring;
import castle.iq.RemoteStoreQueries;
import castle.iq.StoreQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

/** How a stateless gateway reads Streams state: through any instance of the streams deployment. */
public final class QueryOptions {

  @Option(names = "--streams-url", defaultValue = "http://127.0.0.1:8081",
      description = "Base URL of any streams instance (a Kubernetes service), which routes queries to the owner. Default: ${DEFAULT-VALUE}.")
  String streamsUrl;

  @Option(names = "--internal-token", required = true,
      description = "Shared secret of the streams instances' internal query routes.")
  String internalToken;

  /** Store queries answered by the streams deployment. */
  public StoreQueries queries() {
    return new RemoteStoreQueries(streamsUrl, internalToken, new ObjectMapper(), QueryWiring.RETRY_BUDGET);
  }
}
