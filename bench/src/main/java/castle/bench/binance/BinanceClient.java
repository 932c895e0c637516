package castle.bench.binance;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An asynchronous Binance REST client on Jetty's HTTP client: a few threads drive many keep-alive
 * connections, so the harness leaves the CPU to the server it measures. Signed requests carry their
 * parameters in the query string, as most Binance clients send them.
 */
public final class BinanceClient implements AutoCloseable {

  private final URI base;
  private final HttpClient http;
  private final long recvWindowMs;

  /** A client of the gateway at {@code base} with up to {@code connections} connections. */
  public BinanceClient(URI base, int connections, long recvWindowMs) throws Exception {
    this.base = base;
    this.recvWindowMs = recvWindowMs;
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("bench-http");
    this.http = new HttpClient();
    http.setExecutor(threads);
    http.setMaxConnectionsPerDestination(connections);
    http.setMaxRequestsQueuedPerDestination(Math.max(1024, connections * 4));
    http.setFollowRedirects(false);
    http.start();
  }

  /** A signed request ({@code USER_DATA} or {@code TRADE}) with {@code params} in the query string. */
  public CompletableFuture<Reply> signed(HttpMethod method, String path, Credentials credentials, String params) {
    String query = RequestSigner.signedQuery(credentials.secret(), params, System.currentTimeMillis(), recvWindowMs);
    return send(http.newRequest(base.resolve(path + "?" + query)).method(method)
        .headers(h -> h.put("X-MBX-APIKEY", credentials.apiKey())));
  }

  /** A public GET. */
  public CompletableFuture<Reply> get(String pathAndQuery) {
    return send(http.newRequest(base.resolve(pathAndQuery)).method(HttpMethod.GET));
  }

  private static CompletableFuture<Reply> send(Request request) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    request.timeout(30, TimeUnit.SECONDS).send(new BufferingResponseListener(1 << 20) {
      @Override
      public void onComplete(org.eclipse.jetty.client.Result result) {
        if (result.isFailed()) {
          reply.complete(new Reply(0, String.valueOf(result.getFailure())));
        } else {
          reply.complete(new Reply(result.getResponse().getStatus(), getContentAsString()));
        }
      }
    });
    return reply;
  }

  @Override
  public void close() throws Exception {
    http.stop();
  }
}
