package castle.gateway.binance.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bans an IP that keeps sending after being told to back off, as Binance does with its 418: more
 * than {@code violationsBeforeBan} refused (429) requests in one minute ban the IP, first for
 * {@code firstBan}, then twice as long for each further ban within a day, up to {@code longestBan}.
 */
final class IpBans {

  private static final Duration REPEAT_MEMORY = Duration.ofDays(1);

  private record Ban(long untilMs, int strikes) {}

  private final CountingLimit violations;
  private final Duration firstBan;
  private final Duration longestBan;
  private final Map<String, Ban> bans = new ConcurrentHashMap<>();

  IpBans(int violationsBeforeBan, Duration firstBan, Duration longestBan) {
    this.violations = new CountingLimit(List.of(Window.minutes(violationsBeforeBan, 1)));
    this.firstBan = firstBan;
    this.longestBan = longestBan;
  }

  /** Until when (epoch ms) the IP is banned, if it is. */
  Optional<Long> bannedUntil(String ip, long nowMs) {
    Ban ban = bans.get(ip);
    return ban != null && ban.untilMs() > nowMs ? Optional.of(ban.untilMs()) : Optional.empty();
  }

  /** Records a refused request; bans the IP when it has had too many this minute. */
  void violation(String ip, long nowMs) {
    if (violations.charge(ip, 1).allowed()) {
      return;
    }
    bans.compute(ip, (key, previous) -> {
      if (previous != null && previous.untilMs() > nowMs) {
        return previous;
      }
      boolean repeat = previous != null && nowMs - previous.untilMs() < REPEAT_MEMORY.toMillis();
      int strikes = repeat ? previous.strikes() + 1 : 1;
      return new Ban(nowMs + length(strikes).toMillis(), strikes);
    });
  }

  /** Forgets expired bans older than a day and idle violation counts. */
  void forgetIdle(long nowMs) {
    bans.values().removeIf(ban -> nowMs - ban.untilMs() > REPEAT_MEMORY.toMillis());
    violations.forgetIdle();
  }

  private Duration length(int strikes) {
    Duration length = firstBan;
    for (int i = 1; i < strikes && length.compareTo(longestBan) < 0; i++) {
      length = length.multipliedBy(2);
    }
    return length.compareTo(longestBan) > 0 ? longestBan : length;
  }
}
