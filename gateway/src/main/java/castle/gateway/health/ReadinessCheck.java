package castle.gateway.health;

import java.util.Optional;

/** Something that must be healthy before this process takes traffic. */
@FunctionalInterface
public interface ReadinessCheck {

  /** Why the component is not ready, or empty when it is. Must return quickly. */
  Optional<String> problem();
}
