package castle.gateway.identity.mfa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a TOTP code that this gateway already accepted for the same user (RFC 6238 section 5.2):
 * once a step's code is used, that step and earlier ones are spent. Remembers the last spent step per
 * user in memory, forgetting users whose last step is past the drift window.
 *
 * <p>Each gateway instance guards its own logins; a code replayed at another instance within its
 * 90-second window is not caught. That is the documented limit of a stateless gateway tier.
 */
public final class TotpReplayGuard {

  private static final int PRUNE_ABOVE = 10_000;

  private final Map<Long, Long> lastSpentStep = new ConcurrentHashMap<>();

  /** Spends {@code step} for {@code userId}; false when it (or a later step) was already spent. */
  public boolean spend(long userId, long step, long nowMs) {
    if (lastSpentStep.size() > PRUNE_ABOVE) {
      long oldest = Totp.step(nowMs) - Totp.DRIFT_STEPS;
      lastSpentStep.values().removeIf(spent -> spent < oldest);
    }
    boolean[] fresh = {false};
    lastSpentStep.compute(userId, (id, spent) -> {
      if (spent != null && spent >= step) {
        return spent;
      }
      fresh[0] = true;
      return step;
    });
    return fresh[0];
  }
}
