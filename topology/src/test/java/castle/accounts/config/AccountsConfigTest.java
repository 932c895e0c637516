package castle.accounts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsConfigTest {

  @Test
  void defaultsChargePointOnePercentAndLetTierOneTrade() {
    AccountsConfig config = AccountsConfig.defaults();

    assertThat(config.fees(0)).isEqualTo(new FeeRates(1000, 1000));
    assertThat(config.fees(42)).as("an unconfigured fee tier pays the default").isEqualTo(new FeeRates(1000, 1000));
    assertThat(config.limits(1).maxOpenOrdersPerSymbol()).isEqualTo(200);
    assertThat(config.limits(1).maxOrderNotional("USDT", 8)).hasValue(100_000_00000000L);
    assertThat(config.limits(1).dailyWithdrawal("BTC", 8)).hasValue(2_00000000L);
    assertThat(config.limits(1).dailyWithdrawal("DOGE", 8)).as("unlisted assets are unlimited").isEmpty();
    assertThat(config.clientOrderIdWindow()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void tierZeroCanDoNothingAndHigherTiersInheritTheHighestConfiguredBelow() {
    AccountsConfig config = AccountsConfig.defaults();

    assertThat(config.limits(0).isNothing()).isTrue();
    assertThat(config.limits(-1).isNothing()).isTrue();
    assertThat(config.limits(7)).isSameAs(config.limits(2));
  }

  @Test
  void propertiesOverrideTheDefaultsKeyByKey() {
    Properties p = new Properties();
    p.setProperty("accounts.fee.default.taker-ppm", "750");
    p.setProperty("accounts.fee.tier.5.maker-ppm", "0");
    p.setProperty("accounts.kyc.tier.1.max-order-notional.USDT", "2500.5");
    p.setProperty("accounts.kyc.tier.3.max-open-orders-per-symbol", "1000");
    p.setProperty("accounts.client-order-id-window", "PT1H");
    p.setProperty("castle.port", "ignored: not an accounts key");

    AccountsConfig config = AccountsConfig.load(p);

    assertThat(config.fees(0)).isEqualTo(new FeeRates(1000, 750));
    assertThat(config.fees(5)).as("a tier's missing rate falls back to the default").isEqualTo(new FeeRates(0, 750));
    assertThat(config.limits(1).maxOrderNotional("USDT", 2)).isEqualTo(OptionalLong.of(250050));
    assertThat(config.limits(1).maxOrderNotional("USDT", 0)).as("rounded down").isEqualTo(OptionalLong.of(2500));
    assertThat(config.limits(3).maxOpenOrdersPerSymbol()).isEqualTo(1000);
    assertThat(config.limits(3).dailyWithdrawal("BTC", 8)).isEmpty();
    assertThat(config.clientOrderIdWindow()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theDeployedConfigurationReadsTheFileTheEnvironmentNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("accounts.properties");
    Files.writeString(file, "accounts.fee.default.taker-ppm=2500\nunrelated.key=ignored\n");

    AccountsConfig deployed = AccountsConfig.deployed(Map.of(AccountsConfig.FILE_VARIABLE, file.toString()));

    assertThat(deployed.fees(0).takerPpm()).isEqualTo(2_500);
    assertThat(deployed.fees(0).makerPpm()).isEqualTo(1_000);
    assertThat(AccountsConfig.deployed(Map.of()).fees(0).takerPpm()).isEqualTo(1_000);
    assertThatThrownBy(() -> AccountsConfig.deployed(Map.of(AccountsConfig.FILE_VARIABLE, dir.resolve("missing").toString())))
        .hasMessageContaining(AccountsConfig.FILE_VARIABLE);
  }

  @Test
  void badSettingsAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> load("accounts.fee.default.maker-ppm", "-1")).hasMessageContaining("accounts.fee.default");
    assertThatThrownBy(() -> load("accounts.kyc.tier.0.max-open-orders-per-symbol", "5")).hasMessageContaining("tier 0");
    assertThatThrownBy(() -> load("accounts.kyc.tier.4.daily-withdrawal.BTC", "1"))
        .hasMessageContaining("accounts.kyc.tier.4.max-open-orders-per-symbol");
    assertThatThrownBy(() -> load("accounts.kyc.tier.1.daily-withdrawal.BTC", "-2")).hasMessageContaining("BTC");
    assertThatThrownBy(() -> load("accounts.typo", "1")).hasMessageContaining("accounts.typo");
  }

  private static AccountsConfig load(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return AccountsConfig.load(p);
  }
}
