package castle.matching;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the matching scenarios: a fresh BTCUSDT market per test, trading, no STP default. */
abstract class ScenarioTest {

  @TempDir Path state;
  MatchingDriver market;

  @BeforeEach
  void open() {
    market = new MatchingDriver(state).given(Orders.btcusdt());
  }

  @AfterEach
  void close() {
    market.close();
  }
}
