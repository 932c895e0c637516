package castle.accounts.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business settings of accounts: the fee schedule, the KYC tiers' limits and the clientOrderId
 * de-duplication window. Defaults live in {@code castle/accounts/defaults.properties}; an operator's
 * properties override them key by key:
 *
 * <pre>
 * accounts.fee.default.maker-ppm=1000                  # rates of fee tiers without their own entry
 * accounts.fee.default.taker-ppm=1000
 * accounts.fee.tier.1.maker-ppm=900                    # fee tier 1 (UserEvent.feeTier)
 * accounts.kyc.tier.1.max-open-orders-per-symbol=200   # KYC tier 1 (UserEvent.kycTier)
 * accounts.kyc.tier.1.max-order-notional.USDT=100000   # per quote asset, in asset units
 * accounts.kyc.tier.1.daily-withdrawal.BTC=2           # per asset and UTC day, in asset units
 * accounts.client-order-id-window=PT24H                # ISO-8601 duration
 * </pre>
 *
 * A KYC tier without entries takes the limits of the highest configured tier below it; tier 0 (not
 * verified) can neither trade nor withdraw, whatever is configured.
 */
public final class AccountsConfig {

  /** Classpath resource with the defaults. */
  public static final String DEFAULTS_RESOURCE = "castle/accounts/defaults.properties";

  private static final Pattern FEE = Pattern.compile("accounts\\.fee\\.(default|tier\\.(\\d+))\\.(maker|taker)-ppm");
  private static final Pattern KYC =
      Pattern.compile("accounts\\.kyc\\.tier\\.(\\d+)\\.(max-open-orders-per-symbol|max-order-notional\\.([A-Z0-9]+)|daily-withdrawal\\.([A-Z0-9]+))");
  private static final String WINDOW = "accounts.client-order-id-window";

  private final FeeRates defaultFees;
  private final Map<Integer, FeeRates> feesByTier;
  private final NavigableMap<Integer, TierLimits> limitsByTier;
  private final Duration clientOrderIdWindow;

  private AccountsConfig(
      FeeRates defaultFees,
      Map<Integer, FeeRates> feesByTier,
      NavigableMap<Integer, TierLimits> limitsByTier,
      Duration clientOrderIdWindow) {
    this.defaultFees = defaultFees;
    this.feesByTier = Map.copyOf(feesByTier);
    this.limitsByTier = limitsByTier;
    this.clientOrderIdWindow = clientOrderIdWindow;
  }

  /** Environment variable naming the operator's properties file of {@code accounts.*} keys. */
  public static final String FILE_VARIABLE = "CASTLE_ACCOUNTS_CONFIG";

  /** The defaults alone. */
  public static AccountsConfig defaults() {
    return load(new Properties());
  }

  /**
   * What this process runs with: the defaults overridden by the file that {@value #FILE_VARIABLE}
   * names, if any. The accounts app and the queries that report its rates both take this one, so they
   * always agree; every streams instance must be given the same file.
   */
  public static AccountsConfig deployed() {
    return deployed(System.getenv());
  }

  static AccountsConfig deployed(Map<String, String> environment) {
    String file = environment.get(FILE_VARIABLE);
    if (file == null || file.isBlank()) {
      return defaults();
    }
    Properties overrides = new Properties();
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file))) {
      overrides.load(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot read the accounts configuration " + file + " (" + FILE_VARIABLE + ")", e);
    }
    return load(overrides);
  }

  /** The defaults overridden by every {@code accounts.*} key of {@code overrides}; other keys are ignored. */
  public static AccountsConfig load(Properties overrides) {
    Map<String, String> p = new HashMap<>();
    readDefaults().forEach((k, v) -> p.put(k.toString(), v.toString().trim()));
    overrides.stringPropertyNames().stream()
        .filter(k -> k.startsWith("accounts."))
        .forEach(k -> p.put(k, overrides.getProperty(k).trim()));
    return parse(p);
  }

  /** The commission rates of a fee tier. */
  public FeeRates fees(int feeTier) {
    return feesByTier.getOrDefault(feeTier, defaultFees);
  }

  /** The limits of a KYC tier. */
  public TierLimits limits(int kycTier) {
    if (kycTier <= 0) {
      return TierLimits.NOTHING;
    }
    Map.Entry<Integer, TierLimits> entry = limitsByTier.floorEntry(kycTier);
    return entry == null ? TierLimits.NOTHING : entry.getValue();
  }

  /** How long a clientOrderId stays taken after its order was placed, even once the order is final. */
  public Duration clientOrderIdWindow() {
    return clientOrderIdWindow;
  }

  private static AccountsConfig parse(Map<String, String> p) {
    Map<String, Integer> defaultRates = new HashMap<>();
    Map<Integer, Map<String, Integer>> tierRates = new TreeMap<>();
    Map<Integer, Integer> maxOpen = new TreeMap<>();
    Map<Integer, Map<String, BigDecimal>> notional = new TreeMap<>();
    Map<Integer, Map<String, BigDecimal>> withdrawal = new TreeMap<>();
    Duration window = null;
    for (Map.Entry<String, String> e : p.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      Matcher fee = FEE.matcher(key);
      Matcher kyc = KYC.matcher(key);
      try {
        if (fee.matches()) {
          Map<String, Integer> rates = fee.group(2) == null
              ? defaultRates
              : tierRates.computeIfAbsent(Integer.parseInt(fee.group(2)), t -> new HashMap<>());
          rates.put(fee.group(3), Integer.parseInt(value));
        } else if (kyc.matches()) {
          int tier = Integer.parseInt(kyc.group(1));
          if (kyc.group(3) != null) {
            notional.computeIfAbsent(tier, t -> new HashMap<>()).put(kyc.group(3), amount(value));
          } else if (kyc.group(4) != null) {
            withdrawal.computeIfAbsent(tier, t -> new HashMap<>()).put(kyc.group(4), amount(value));
          } else {
            maxOpen.put(tier, Integer.parseInt(value));
          }
        } else if (key.equals(WINDOW)) {
          window = Duration.parse(value);
        } else {
          throw new IllegalArgumentException("unknown accounts setting");
        }
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("Bad accounts setting " + key + "=" + value + ": " + ex.getMessage(), ex);
      }
    }
    FeeRates defaults = rates(defaultRates, null, "accounts.fee.default");
    Map<Integer, FeeRates> fees = new HashMap<>();
    tierRates.forEach((tier, rates) -> fees.put(tier, rates(rates, defaults, "accounts.fee.tier." + tier)));
    NavigableMap<Integer, TierLimits> limits = new TreeMap<>();
    for (Integer tier : union(maxOpen.keySet(), notional.keySet(), withdrawal.keySet())) {
      if (tier <= 0) {
        throw new IllegalArgumentException("KYC tier 0 cannot be configured: unverified accounts neither trade nor withdraw");
      }
      if (!maxOpen.containsKey(tier)) {
        throw new IllegalArgumentException("accounts.kyc.tier." + tier + ".max-open-orders-per-symbol is missing");
      }
      limits.put(tier, new TierLimits(
          maxOpen.get(tier), notional.getOrDefault(tier, Map.of()), withdrawal.getOrDefault(tier, Map.of())));
    }
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException(WINDOW + " must be a non-negative ISO-8601 duration");
    }
    return new AccountsConfig(defaults, fees, limits, window);
  }

  private static FeeRates rates(Map<String, Integer> rates, FeeRates fallback, String key) {
    Integer maker = rates.getOrDefault("maker", fallback == null ? null : fallback.makerPpm());
    Integer taker = rates.getOrDefault("taker", fallback == null ? null : fallback.takerPpm());
    if (maker == null || taker == null) {
      throw new IllegalArgumentException(key + ".maker-ppm and .taker-ppm are both required");
    }
    try {
      return new FeeRates(maker, taker);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Bad " + key + ": " + e.getMessage(), e);
    }
  }

  private static BigDecimal amount(String value) {
    BigDecimal amount = new BigDecimal(value);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amounts are not negative");
    }
    return amount;
  }

  @SafeVarargs
  private static SortedSet<Integer> union(Set<Integer>... sets) {
    SortedSet<Integer> all = new TreeSet<>();
    for (Set<Integer> set : sets) {
      all.addAll(set);
    }
    return all;
  }

  private static Properties readDefaults() {
    Properties defaults = new Properties();
    try (InputStream in = AccountsConfig.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + DEFAULTS_RESOURCE);
      }
      defaults.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return defaults;
  }
}
