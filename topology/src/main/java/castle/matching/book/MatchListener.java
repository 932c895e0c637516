package castle.matching.book;

/** What a book tells its engine while a taker matches, in match order. */
public interface MatchListener {

  /**
   * The taker traded {@code qty} with {@code maker} at the maker's {@code price}, for {@code quote}.
   * The maker is already filled; it has left the book if its {@link Order#leaves()} is 0.
   */
  void onTrade(Order maker, long qty, long price, long quote);

  /** Self-trade prevention (EXPIRE_MAKER or EXPIRE_BOTH) removed {@code maker} from the book. */
  void onMakerExpired(Order maker);
}
