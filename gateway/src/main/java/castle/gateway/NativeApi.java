package castle.gateway;

import castle.gateway.admin.AdminRoutes;
import castle.gateway.admin.TraderSetup;
import castle.gateway.admin.symbols.SymbolAdmin;
import castle.gateway.admin.wallet.WalletAdmin;
import castle.gateway.api.ApiErrors;
import castle.gateway.api.ApiException;
import castle.gateway.health.ReadinessCheck;
import castle.gateway.identity.IdentityConfig;
import castle.gateway.identity.IdentityRoutes;
import castle.gateway.identity.apikeys.ApiKeyDirectory;
import castle.gateway.identity.apikeys.ApiKeys;
import castle.gateway.identity.auth.AuthMode;
import castle.gateway.identity.auth.Authenticator;
import castle.gateway.identity.kyc.Kyc;
import castle.gateway.identity.mfa.Mfa;
import castle.gateway.identity.password.PasswordHasher;
import castle.gateway.identity.token.TokenIssuer;
import castle.gateway.identity.token.TokenVerifier;
import castle.gateway.identity.users.Login;
import castle.gateway.identity.users.Registration;
import castle.gateway.identity.users.UserCommands;
import castle.gateway.identity.users.UserDirectory;
import castle.gateway.ids.IdGenerator;
import castle.gateway.kafka.CommandChannel;
import castle.gateway.kafka.KafkaClients;
import castle.gateway.kafka.OutcomeWaiter;
import castle.gateway.kafka.TopicProducer;
import castle.gateway.kafka.TopicTable;
import castle.gateway.security.SecretBox;
import castle.iq.StoreQueries;
import castle.schema.reference.SymbolConfig;
import castle.schema.users.UserEvent;
import castle.schema.wallet.WalletOutcome;
import castle.topics.Topics;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Castle's native API under {@code /v1}, identity and admin, with the Kafka clients it needs: one
 * command producer, outcome readers of users.events and wallet.outcomes, and in-memory tables of
 * users.apikeys and symbols. Users are read through interactive queries ({@link StoreQueries}).
 */
public final class NativeApi implements AutoCloseable {

  private final List<AutoCloseable> closeables;
  private final IdentityRoutes identityRoutes;
  private final AdminRoutes adminRoutes;
  private final Map<String, ReadinessCheck> readiness;
  private final ApiKeyDirectory apiKeys;
  private final Registration registration;
  private final UserDirectory users;
  private final Authenticator authenticator;

  private NativeApi(
      List<AutoCloseable> closeables, IdentityRoutes identityRoutes, AdminRoutes adminRoutes,
      Map<String, ReadinessCheck> readiness, ApiKeyDirectory apiKeys, Registration registration, UserDirectory users,
      Authenticator authenticator) {
    this.authenticator = authenticator;
    this.closeables = closeables;
    this.identityRoutes = identityRoutes;
    this.adminRoutes = adminRoutes;
    this.readiness = readiness;
    this.apiKeys = apiKeys;
    this.registration = registration;
    this.users = users;
  }

  /** Starts the Kafka clients and builds the routes; the topics must exist. */
  public static NativeApi start(IdentityConfig config, KafkaClients kafka, StoreQueries queries, Clock clock) {
    List<AutoCloseable> closeables = new ArrayList<>();
    try {
      TopicProducer producer = add(closeables, new TopicProducer(kafka, "castle-gateway-native-" + config.nodeId()));
      OutcomeWaiter<UserEvent> userEvents = add(closeables, OutcomeWaiter.start(kafka, Topics.USER_EVENTS, UserEvent::getCommandId));
      OutcomeWaiter<WalletOutcome> walletOutcomes =
          add(closeables, OutcomeWaiter.start(kafka, Topics.WALLET_OUTCOMES, WalletOutcome::getCommandId));
      SecretBox box = new SecretBox(config.secretsKey());
      ApiKeyDirectory apiKeyDirectory = add(closeables, ApiKeyDirectory.start(kafka, box));
      TopicTable<SymbolConfig> symbolTable = add(closeables, TopicTable.start(kafka, Topics.SYMBOLS));

      IdGenerator ids = new IdGenerator(config.nodeId());
      PasswordHasher hasher = PasswordHasher.standard();
      UserDirectory users = new UserDirectory(queries);
      UserCommands commands = new UserCommands(
          new CommandChannel<>(producer, Topics.USER_COMMANDS, userEvents, clock, config.commandTimeout()), ids);
      Registration registration = new Registration(commands, hasher);
      Mfa mfa = new Mfa(box, commands, users, clock);
      Kyc kyc = new Kyc(commands);
      ApiKeys apiKeys = new ApiKeys(box, commands, users, apiKeyDirectory, config.commandTimeout());
      WalletAdmin wallet = new WalletAdmin(
          new CommandChannel<>(producer, Topics.WALLET_COMMANDS, walletOutcomes, clock, config.commandTimeout()), ids);
      SymbolAdmin symbols = new SymbolAdmin(symbolTable, producer, config.commandTimeout());

      TokenIssuer tokens = null;
      Login login = null;
      Authenticator authenticator;
      if (config.mode() == AuthMode.CASTLE) {
        tokens = new TokenIssuer(config.signingKey(), config.issuer(), config.tokenTtl(), clock);
        login = new Login(users, hasher, mfa, tokens);
        authenticator = Authenticator.castle(TokenVerifier.castle(tokens.publicKeys(), config.issuer()));
      } else {
        IdentityConfig.Cognito cognito = config.cognito();
        authenticator = Authenticator.cognito(
            TokenVerifier.cognito(cognito.jwksUrl(), cognito.issuer(), cognito.clientId()), users, cognito.adminGroup());
      }

      IdentityRoutes identityRoutes = new IdentityRoutes(new IdentityRoutes.Services(
          config.mode(), authenticator, registration, login, tokens, mfa, apiKeys, kyc, users, clock));
      AdminRoutes adminRoutes = new AdminRoutes(new AdminRoutes.Services(
          authenticator, registration, commands, users, kyc, apiKeys, wallet, symbols,
          new TraderSetup(registration, kyc, wallet, apiKeys), clock));

      Map<String, ReadinessCheck> readiness = new LinkedHashMap<>();
      readiness.put("users.apikeys", apiKeyDirectory::problem);
      readiness.put("symbols", symbolTable::problem);
      readiness.put("users.events", userEvents::problem);
      readiness.put("wallet.outcomes", walletOutcomes::problem);
      return new NativeApi(closeables, identityRoutes, adminRoutes, readiness, apiKeyDirectory, registration, users,
          authenticator);
    } catch (RuntimeException e) {
      closeAll(closeables);
      throw e;
    }
  }

  /** Adds the {@code /v1} routes, and the contract's error format, to a Javalin configuration. */
  public void register(JavalinConfig config) {
    ApiErrors.register(config);
    config.routes.exception(PasswordHasher.PasswordHashingBusyException.class, (e, ctx) -> {
      ApiException busy = ApiException.backendUnavailable();
      ApiErrors.write(ctx, busy.status(), busy.code(), busy.getMessage());
    });
    identityRoutes.register(config);
    adminRoutes.register(config);
  }

  /** Readiness checks of the native API's Kafka readers, by name. */
  public Map<String, ReadinessCheck> readiness() {
    return readiness;
  }

  /** Every API key, with secrets opened on demand, for the signed (HMAC) Binance API. */
  public ApiKeyDirectory apiKeys() {
    return apiKeys;
  }

  /** User registration, for bootstrapping the local admin. */
  public Registration registration() {
    return registration;
  }

  /** User reads. */
  public UserDirectory users() {
    return users;
  }

  /** Who a request's bearer token names, for the gateway's other authenticated parts (market data). */
  public Authenticator authenticator() {
    return authenticator;
  }

  @Override
  public void close() {
    closeAll(closeables);
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> closeables, T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  private static void closeAll(List<AutoCloseable> closeables) {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // Closing is best effort; each client logs its own trouble.
      }
    }
  }
}
