package castle.iq.accounts;

import castle.accounts.AccountsApp;
import castle.accounts.query.AccountQueries;
import castle.accounts.store.AccountStores;
import castle.iq.StoreQuery;
import castle.topics.Keys;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A read of one account's state in the accounts app, keyed by the account id: every accounts store
 * is partitioned by account, so the instance owning the account's balances owns all of its state.
 *
 * @param <R> the result type
 */
abstract class AccountStoreQuery<R> implements StoreQuery<R> {

  private final String name;
  private final Class<R> resultType;

  AccountStoreQuery(String name, Class<R> resultType) {
    this.name = name;
    this.resultType = resultType;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String application() {
    return AccountsApp.NAME;
  }

  @Override
  public final String store() {
    return AccountStores.BALANCES;
  }

  @Override
  public final Class<R> resultType() {
    return resultType;
  }

  @Override
  public final R run(KafkaStreams streams, String key, Map<String, String> params) {
    if (key == null) {
      throw new IllegalArgumentException(name + " reads one account: give its id as the key");
    }
    return answer(AccountQueries.of(streams), Keys.accountId(key), new QueryParams(params));
  }

  /** The answer from this instance's stores. */
  abstract R answer(AccountQueries queries, long accountId, QueryParams params);
}
