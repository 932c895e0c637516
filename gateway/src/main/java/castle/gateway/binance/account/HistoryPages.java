package castle.gateway.binance.account;

import castle.accounts.query.Page;
import castle.gateway.api.ApiException;
import castle.gateway.api.Params;
import java.util.OptionalLong;

/**
 * Reads Binance's paging parameters ({@code fromId} or {@code orderId}, {@code startTime},
 * {@code endTime}, {@code limit}) into a {@link Page}, with Binance's rules: at most 24 hours between
 * the times, a start not after the end, and no id together with times.
 */
final class HistoryPages {

  private static final long MAX_SPAN_MS = 24L * 60 * 60 * 1000;

  private HistoryPages() {}

  /** The page asked for, with {@code idParam} naming the parameter that gives the first id. */
  static Page page(Params params, String idParam) {
    OptionalLong fromId = optional(params, idParam);
    OptionalLong startTime = optional(params, "startTime");
    OptionalLong endTime = optional(params, "endTime");
    int limit = params.limit("limit", Page.DEFAULT_LIMIT, Page.MAX_LIMIT);
    if (fromId.isPresent() && (startTime.isPresent() || endTime.isPresent())) {
      throw ApiException.badCombination();
    }
    if (startTime.isPresent() && endTime.isPresent()) {
      if (startTime.getAsLong() > endTime.getAsLong()) {
        throw ApiException.badCombination();
      }
      if (endTime.getAsLong() - startTime.getAsLong() > MAX_SPAN_MS) {
        throw new ApiException(400, -1127, "More than 24 hours between startTime and endTime.");
      }
    }
    return new Page(fromId, startTime, endTime, limit);
  }

  private static OptionalLong optional(Params params, String name) {
    return params.optionalLong(name).map(OptionalLong::of).orElse(OptionalLong.empty());
  }
}
