package castle.gateway.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void idsAreUniqueIncreasingAndCarryTheNode() {
    IdGenerator node7 = new IdGenerator(7);
    Set<Long> seen = new HashSet<>();
    long previous = 0;
    for (int i = 0; i < 50_000; i++) {
      long id = node7.next();
      assertThat(id).isGreaterThan(previous);
      assertThat((id >> 12) & 1023).isEqualTo(7);
      seen.add(id);
      previous = id;
    }
    assertThat(seen).hasSize(50_000);
  }

  @Test
  void twoNodesNeverCollide() {
    IdGenerator a = new IdGenerator(1);
    IdGenerator b = new IdGenerator(2);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(a.next());
      seen.add(b.next());
    }
    assertThat(seen).hasSize(20_000);
  }

  @Test
  void refusesNodesOutOfRange() {
    assertThatThrownBy(() -> new IdGenerator(1024)).isInstanceOf(IllegalArgumentException.class);
  }
}
