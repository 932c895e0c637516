package castle.sinks.core;

import java.util.List;

/**
 * What one batch write did.
 *
 * @param applied items that changed the store
 * @param unchanged items the store already had (a redelivery) or held newer data for
 * @param rejections items the store refused for good, each with its reason
 */
public record WriteResult(int applied, int unchanged, List<Rejection> rejections) {

  /** One item the store refused for good. */
  public record Rejection(int index, String reason) {}

  /** Every item applied. */
  public static WriteResult allApplied(int count) {
    return new WriteResult(count, 0, List.of());
  }
}
