package castle.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import castle.app.Resources;
import castle.app.identity.LocalAdmin;
import castle.app.local.LocalCastle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code castle admin} against a running local Castle: it finds the local admin's credentials in the
 * data directory, and every command prints JSON with an exit code scripts can trust.
 */
class AdminCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalCastle castle;
  private static Path data;

  /** One command's exit code and printed JSON. */
  record Result(int exitCode, JsonNode json) {}

  @BeforeAll
  static void startCastle() throws Exception {
    data = dir.resolve("data");
    castle = LocalCastle.start(new LocalCastle.Settings(data, "127.0.0.1", 0, 0), new Resources());
  }

  @AfterAll
  static void stopCastle() {
    castle.close();
  }

  @Test
  void theLocalRoleLeavesAdminCredentialsForTheOwnerOnly() throws Exception {
    Path file = data.resolve(LocalAdmin.FILE);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets")))).isEqualTo("rwx------");
    LocalAdmin.Credentials credentials = LocalAdmin.read(file);
    assertThat(credentials.url()).isEqualTo("http://127.0.0.1:" + castle.gatewayPort());
    assertThat(credentials.email()).matches("admin-[0-9a-f]{8}@castle\\.local");
    assertThat(credentials.password()).hasSize(24);
  }

  @Test
  void anOperatorTakesAUserThroughKycAndKeys() {
    assertThat(admin("user", "create", "--email", "kim@example.com").exitCode()).isZero();
    assertThat(admin("kyc", "submit", "--email", "kim@example.com", "--full-name", "Kim Park", "--country", "KR",
        "--date-of-birth", "1985-07-01", "--document", "vault://kyc/kim").json().get("kycStatus").asText()).isEqualTo("PENDING");
    Result approved = admin("kyc", "approve", "--email", "kim@example.com", "--tier", "2");
    assertThat(approved.json().get("kycStatus").asText()).isEqualTo("VERIFIED");
    assertThat(admin("user", "fee-tier", "--email", "kim@example.com", "--tier", "4").json().get("feeTier").asInt()).isEqualTo(4);

    Result key = admin("api-key", "create", "--email", "kim@example.com", "--permission", "READ", "--label", "reporting");
    String apiKey = key.json().get("apiKey").asText();
    assertThat(key.json().get("secretKey").asText()).hasSize(64);
    assertThat(admin("api-key", "list", "--email", "kim@example.com").json().get(0).get("apiKey").asText()).isEqualTo(apiKey);
    assertThat(admin("api-key", "revoke", "--email", "kim@example.com", "--api-key", apiKey).json().get("revoked").asBoolean()).isTrue();
    assertThat(admin("user", "show", "--email", "kim@example.com").json().get("kycTier").asInt()).isEqualTo(2);
  }

  @Test
  void symbolsAreCreatedHaltedAndResumed() {
    Result created = admin(symbolCreate("ETH", "EUR"));
    assertThat(created.exitCode()).as(created.json().toString()).isZero();
    assertThat(created.json().get("symbol").asText()).isEqualTo("ETHEUR");
    assertThat(admin("symbol", "halt", "--symbol", "ETHEUR").json().get("status").asText()).isEqualTo("HALT");
    assertThat(admin("symbol", "resume", "--symbol", "ETHEUR").json().get("status").asText()).isEqualTo("TRADING");
    assertThat(admin("symbol", "update", "--symbol", "ETHEUR", "--min-notional", "10").json().get("minNotional").asText())
        .isEqualTo("10.00000000");
    assertThat(admin("symbol", "list").json().toString()).contains("ETHEUR");
  }

  @Test
  void refusalsPrintTheErrorAndExitWithOne() {
    Result duplicate = admin("user", "create", "--email", "dup@example.com");
    Result again = admin("user", "create", "--email", "dup@example.com");
    Result unknownAsset = admin("deposit", "--email", "dup@example.com", "--asset", "NOSUCH", "--amount", "1");

    assertThat(duplicate.exitCode()).isZero();
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.json().get("code").asInt()).isEqualTo(-7001);
    assertThat(unknownAsset.exitCode()).isEqualTo(1);
    assertThat(unknownAsset.json().get("msg").asText()).isEqualTo("Unknown asset NOSUCH: no symbol uses it.");
  }

  @Test
  void withoutCredentialsOrServerItSaysSoInJson(@TempDir Path empty) {
    Result noCredentials = run("symbol", "list", "--data-dir", empty.toString());
    Result unreachable = run("symbol", "list", "--data-dir", empty.toString(), "--admin-url", "http://127.0.0.1:1",
        "--admin-email", "a@b.co", "--admin-password", "whatever password");

    assertThat(noCredentials.exitCode()).isEqualTo(2);
    assertThat(noCredentials.json().get("code").asInt()).isEqualTo(-7301);
    assertThat(unreachable.exitCode()).isEqualTo(2);
    assertThat(unreachable.json().get("code").asInt()).isEqualTo(-7302);
  }

  @Test
  void aTraderWithoutDepositsIsVerifiedAndKeyedInOneCommand() {
    Result trader = admin("trader", "--email", "quinn@example.com", "--api-key", "TRADE");

    assertThat(trader.exitCode()).as(trader.json().toString()).isZero();
    assertThat(trader.json().get("user").get("kycStatus").asText()).isEqualTo("VERIFIED");
    assertThat(trader.json().get("apiKey").get("secretKey").asText()).hasSize(64);
  }

  /** The README's one command; its deposits are answered by the accounts app this test's Castle runs. */
  @Test
  void aFundedTraderInOneCommand() {
    admin(symbolCreate("BTC", "USDT"));

    Result trader = admin("trader", "--email", "a@b.c", "--deposit", "BTC=1", "--deposit", "USDT=100000", "--api-key", "TRADE");

    assertThat(trader.exitCode()).as(trader.json().toString()).isZero();
    assertThat(trader.json().get("deposits").get(0).get("amount").asText()).isEqualTo("1.00000000");
    assertThat(trader.json().get("deposits").get(1).get("amount").asText()).isEqualTo("100000.00000000");
    assertThat(trader.json().get("apiKey").get("permission").asText()).isEqualTo("TRADE");
  }

  private static String[] symbolCreate(String base, String quote) {
    return new String[] {"symbol", "create", "--base", base, "--quote", quote, "--base-scale", "8", "--quote-scale", "8",
        "--tick-size", "0.01", "--min-price", "0.01", "--max-price", "1000000", "--step-size", "0.00001",
        "--min-qty", "0.00001", "--max-qty", "9000", "--min-notional", "5"};
  }

  private static Result admin(String... args) {
    List<String> withData = new ArrayList<>(List.of(args));
    withData.add("--data-dir");
    withData.add(data.toString());
    return run(withData.toArray(String[]::new));
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    int exitCode = AdminCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
    try {
      return new Result(exitCode, JSON.readTree(out.toString()));
    } catch (Exception e) {
      throw new AssertionError("castle admin printed something that is not JSON: " + out, e);
    }
  }
}
