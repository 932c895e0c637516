package castle.bench.workload;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The share of each kind of request in the load, as given on the command line, for example {@code
 * passive=55,cross=15,market=10,ioc=10,cancel=10}.
 */
public final class OrderMix {

  /** What a trader does next. */
  public enum Action {
    /** A GTC limit order that rests near the mid price. */
    PASSIVE,
    /** A GTC limit order priced through the mid, so it trades against resting orders. */
    CROSS,
    /** A market order by quantity. */
    MARKET,
    /** An IOC limit order at the mid. */
    IOC,
    /** A cancel of one of the trader's resting orders. */
    CANCEL
  }

  /** The default mix: resting orders, takers and cancels in balance, so the book neither empties nor grows without bound. */
  public static final String DEFAULT = "passive=40,cross=15,market=5,ioc=10,cancel=30";

  private final Action[] actions;
  private final double[] cumulative;

  private OrderMix(Map<Action, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("The mix needs at least one positive weight");
    }
    actions = weights.keySet().toArray(Action[]::new);
    cumulative = new double[actions.length];
    double sum = 0;
    for (int i = 0; i < actions.length; i++) {
      sum += weights.get(actions[i]);
      cumulative[i] = sum / total;
    }
  }

  /** Parses {@code name=weight,...}; unknown names and negative weights are refused. */
  public static OrderMix parse(String text) {
    Map<Action, Integer> weights = new EnumMap<>(Action.class);
    for (String part : text.split(",")) {
      String[] nameAndWeight = part.trim().split("=");
      if (nameAndWeight.length != 2) {
        throw new IllegalArgumentException("Mix entries look like passive=55, not '" + part + "'");
      }
      Action action = Action.valueOf(nameAndWeight[0].trim().toUpperCase(Locale.ROOT));
      int weight = Integer.parseInt(nameAndWeight[1].trim());
      if (weight < 0) {
        throw new IllegalArgumentException("Weights must not be negative: " + part);
      }
      weights.put(action, weight);
    }
    return new OrderMix(weights);
  }

  /** A random action drawn with the mix's weights. */
  public Action next(RandomGenerator random) {
    double draw = random.nextDouble();
    for (int i = 0; i < actions.length; i++) {
      if (draw < cumulative[i]) {
        return actions[i];
      }
    }
    return actions[actions.length - 1];
  }
}
