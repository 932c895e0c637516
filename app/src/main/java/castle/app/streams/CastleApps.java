package castle.app.streams;

import castle.accounts.AccountsApp;
import castle.market.MarketApp;
import castle.matching.MatchingApp;
import castle.notifications.OrderNotificationsApp;
import castle.topology.StreamsApp;
import castle.users.UsersApp;
import java.util.ArrayList;
import java.util.List;

/** Every Streams app a Castle process runs in the streams (and local) role, in pipeline order. */
public final class CastleApps {

  private CastleApps() {}

  /** The apps, built with their default configuration. */
  public static List<StreamsApp> all() {
    List<StreamsApp> apps = new ArrayList<>();
    apps.add(new UsersApp());
    apps.add(new AccountsApp());
    apps.add(new MatchingApp());
    apps.add(new MarketApp());
    apps.add(new OrderNotificationsApp());
    return apps;
  }
}
