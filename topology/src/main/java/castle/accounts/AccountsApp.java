package castle.accounts;

import castle.accounts.config.AccountsConfig;
import castle.topology.StreamsApp;
import castle.topology.TopicNames;
import org.apache.kafka.streams.Topology;

/**
 * The accounts Streams app ({@code castle-accounts}): the first and last stage of the order
 * pipeline. It runs with Castle's default settings, exactly-once included; see {@link AccountsTopology}.
 */
public final class AccountsApp implements StreamsApp {

  /** The app's name, and so its application id {@code castle-accounts}. */
  public static final String NAME = "accounts";

  private final AccountsConfig config;
  private final TopicNames topics;

  /** The app with the deployed configuration ({@link AccountsConfig#deployed()}) on the standard topics. */
  public AccountsApp() {
    this(AccountsConfig.deployed(), TopicNames.standard());
  }

  /** The app with this configuration on these topics. */
  public AccountsApp(AccountsConfig config, TopicNames topics) {
    this.config = config;
    this.topics = topics;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Topology topology() {
    return AccountsTopology.build(config, topics);
  }
}
