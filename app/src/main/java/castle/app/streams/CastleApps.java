package castle.app.streams;

import castle.topology.StreamsApp;
import java.util.ArrayList;
import java.util.List;

/** Every Streams app a Castle process runs in the streams (and local) role, in pipeline order. */
public final class CastleApps {

  private CastleApps() {}

  /** The apps, built with their default configuration. */
  public static List<StreamsApp> all() {
    List<StreamsApp> apps = new ArrayList<>();
    apps.add(new castle.market.MarketApp());
    return apps;
  }
}
