package castle.accounts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import castle.accounts.orders.OrderTypes;
import castle.accounts.query.AccountQueries;
import castle.accounts.support.RandomTraffic.Input;
import castle.schema.accounts.OrderState;
import castle.schema.orders.CommandKind;
import castle.schema.orders.Execution;
import castle.schema.orders.ExecutionType;
import castle.schema.orders.OrderCommand;
import castle.schema.orders.PlaceOrder;
import castle.schema.wallet.WalletCommand;
import castle.schema.wallet.WalletOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single-outcome promises of docs/order-pipeline.md, checked over what a live run committed:
 * every command is completed by exactly one execution (a wallet command answered by exactly one
 * outcome), and every order ends exactly once. Counting per command alone would miss an order that
 * ends twice, as a maker, on another command's executions.
 */
final class OutcomeChecks {

  private OutcomeChecks() {}

  /** How many completing executions each command got. */
  static Map<Long, Integer> completed(List<Execution> executions) {
    Map<Long, Integer> counts = new HashMap<>();
    for (Execution e : executions) {
      if (e.getCommandComplete()) {
        counts.merge(e.getCommandId(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** How many outcomes each wallet command got (fee credits aside). */
  static Map<Long, Integer> answered(List<WalletOutcome> outcomes) {
    Map<Long, Integer> counts = new HashMap<>();
    for (WalletOutcome o : outcomes) {
      if (!o.getKind().equals("FEE_CREDIT")) {
        counts.merge(o.getCommandId(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Each order and wallet command among {@code inputs} got exactly one outcome. */
  static void checkOnePerCommand(List<Input> inputs, List<Execution> executions, List<WalletOutcome> outcomes) {
    Map<Long, Integer> completed = completed(executions);
    Map<Long, Integer> answered = answered(outcomes);
    List<String> wrong = new ArrayList<>();
    for (Input input : inputs) {
      if (input.value() instanceof OrderCommand command) {
        int n = completed.getOrDefault(command.getCommandId(), 0);
        if (n != 1) {
          wrong.add(n + " completions of " + command);
        }
      } else if (input.value() instanceof WalletCommand command) {
        int n = answered.getOrDefault(command.getCommandId(), 0);
        if (n != 1) {
          wrong.add(n + " outcomes of " + command);
        }
      }
    }
    assertThat(wrong).as("commands without exactly one outcome").isEmpty();
  }

  /**
   * Each order placed among {@code inputs} ends exactly once: one final execution (FILLED, CANCELED,
   * EXPIRED or REJECTED) while accounts no longer holds it open, none while it does. Accounts' record
   * of an ended order agrees with that execution: none if accounts refused the order itself, else the
   * same final status and executed quantity.
   */
  static void checkOneEndPerOrder(List<Input> inputs, List<Execution> executions, AccountQueries accounts) {
    Map<Long, List<Execution>> ends = executions.stream().filter(OutcomeChecks::endsItsOrder)
        .collect(Collectors.groupingBy(Execution::getOrderId));
    Set<Long> placed = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (Input input : inputs) {
      if (!(input.value() instanceof OrderCommand command && command.getAction() instanceof PlaceOrder order)) {
        continue;
      }
      placed.add(order.getOrderId());
      List<Execution> end = ends.getOrDefault(order.getOrderId(), List.of());
      Optional<OrderState> held = accounts.order(command.getAccountId(), command.getSymbol(), order.getOrderId());
      boolean open = held.isPresent() && !OrderTypes.isFinal(held.get().getStatus());
      if (end.size() != (open ? 0 : 1)) {
        wrong.add("order " + order.getOrderId() + (open ? " (open)" : "") + " has final executions " + end);
      } else if (!open && !recordedAsEnded(held, end.get(0))) {
        wrong.add("order " + order.getOrderId() + " ended with " + end.get(0) + " but accounts holds " + held);
      }
    }
    assertThat(ends.keySet()).as("final executions name only placed orders").isSubsetOf(placed);
    assertThat(wrong).as("orders that did not end exactly once").isEmpty();
  }

  /** A final status on the order's own event; a refused cancel reports on the cancel, not its order. */
  private static boolean endsItsOrder(Execution e) {
    return OrderTypes.isFinal(e.getStatus())
        && !(e.getExecutionType() == ExecutionType.REJECTED && e.getCommandKind() != CommandKind.PLACE);
  }

  private static boolean recordedAsEnded(Optional<OrderState> held, Execution end) {
    if (end.getExecutionId() == 0) {
      return held.isEmpty();
    }
    return held.isPresent() && held.get().getStatus() == end.getStatus()
        && held.get().getExecutedQty() == end.getCumQty();
  }
}
