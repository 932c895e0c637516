package castle.gateway.market;

import castle.gateway.api.ApiException;
import castle.gateway.ids.IdGenerator;
import castle.iq.market.MarketQueries;
import castle.market.alerts.AlertBook;
import castle.market.read.MarketReads.AlertList;
import castle.market.read.MarketReads.AlertView;
import castle.market.read.MarketReads.SymbolInfo;
import castle.money.DecimalFormatException;
import castle.money.Decimals;
import castle.schema.alerts.AlertCommand;
import castle.schema.alerts.AlertCondition;
import castle.schema.alerts.CreateAlert;
import castle.schema.alerts.DeleteAlert;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /v1/alerts}: the authenticated account creates, lists and deletes its price alerts. Creating
 * and deleting write a command to {@code alerts.commands} and answer once Kafka has it; the market
 * app applies it moments later, so a new alert shows in the list shortly after.
 *
 * <pre>
 * POST   /v1/alerts            {"symbol":"BTCUSDT","condition":"CROSSES_ABOVE","price":"31000","recurring":false,"note":"..."}
 *                              {"symbol":"BTCUSDT","condition":"MOVES_PERCENT","percent":"5","windowMinutes":60}
 * GET    /v1/alerts[?symbol=]  the account's active alerts
 * DELETE /v1/alerts/{alertId}
 * </pre>
 */
public final class AlertRoutes {

  /** How many active alerts one account may have. */
  public static final int MAX_ALERTS_PER_ACCOUNT = 100;
  private static final int MAX_NOTE_LENGTH = 200;
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private final MarketStore store;
  private final AlertPublisher publisher;
  private final AccountAuthenticator authenticator;
  private final IdGenerator ids;
  private final ObjectMapper json = new ObjectMapper();

  AlertRoutes(MarketStore store, AlertPublisher publisher, AccountAuthenticator authenticator, IdGenerator ids) {
    this.store = store;
    this.publisher = publisher;
    this.authenticator = authenticator;
    this.ids = ids;
  }

  /** Adds the routes. */
  public void register(JavalinConfig config) {
    config.routes.post("/v1/alerts", this::create);
    config.routes.get("/v1/alerts", this::list);
    config.routes.delete("/v1/alerts/{alertId}", this::delete);
  }

  private void create(Context ctx) {
    long account = account(ctx);
    JsonNode body = body(ctx);
    String symbol = text(body, "symbol");
    if (!SYMBOL.matcher(symbol).matches()) {
      throw ApiException.illegalCharacters("symbol", "^[A-Z0-9-_.]{1,20}$");
    }
    AlertCondition condition = condition(text(body, "condition"));
    SymbolInfo info = store.byKey(MarketQueries.SYMBOL, symbol, Map.of());
    if (!info.known()) {
      throw ApiException.invalidSymbol();
    }
    if (alertsOf(account).size() >= MAX_ALERTS_PER_ACCOUNT) {
      throw new ApiException(400, -1, "Too many alerts: an account may have " + MAX_ALERTS_PER_ACCOUNT + ".");
    }
    CreateAlert.Builder create = CreateAlert.newBuilder()
        .setAlertId(ids.next())
        .setCondition(condition)
        .setRecurring(body.path("recurring").asBoolean(false))
        .setNote(note(body))
        .setQuoteScale(info.quoteScale());
    if (condition == AlertCondition.MOVES_PERCENT) {
      long basisPoints = decimal(body, "percent", 2);
      long minutes = wholeNumber(body, "windowMinutes");
      if (basisPoints <= 0 || basisPoints > AlertBook.MAX_MOVE_BASIS_POINTS) {
        throw ApiException.invalidValue("percent");
      }
      if (minutes * 60_000 < AlertBook.MIN_WINDOW_MS || minutes * 60_000 > AlertBook.MAX_WINDOW_MS) {
        throw ApiException.invalidValue("windowMinutes");
      }
      create.setMovePercentBasisPoints((int) basisPoints).setWindowMs(minutes * 60_000);
    } else {
      long price = decimal(body, "price", info.quoteScale());
      if (price <= 0) {
        throw ApiException.invalidValue("price");
      }
      create.setPrice(price);
    }
    CreateAlert alert = create.build();
    publisher.publish(new AlertCommand(ids.next(), account, symbol, alert));
    ctx.json(created(symbol, alert, info));
  }

  private void list(Context ctx) {
    long account = account(ctx);
    String symbol = ctx.queryParam("symbol");
    ctx.json(alertsOf(account).stream()
        .filter(alert -> symbol == null || alert.symbol().equals(symbol))
        .map(AlertRoutes::view)
        .toList());
  }

  private void delete(Context ctx) {
    long account = account(ctx);
    String raw = ctx.pathParam("alertId");
    if (!DIGITS.matcher(raw).matches()) {
      throw ApiException.illegalCharacters("alertId", "^[0-9]{1,20}$");
    }
    long alertId = Long.parseLong(raw);
    AlertView alert = alertsOf(account).stream().filter(a -> a.alertId() == alertId).findFirst()
        .orElseThrow(() -> new ApiException(404, -1, "Unknown alert."));
    publisher.publish(new AlertCommand(ids.next(), account, alert.symbol(), new DeleteAlert(alertId)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alertId", alertId);
    body.put("symbol", alert.symbol());
    body.put("status", "DELETED");
    ctx.json(body);
  }

  private long account(Context ctx) {
    return authenticator.authenticate(ctx).orElseThrow(ApiException::unauthorized);
  }

  private List<AlertView> alertsOf(long account) {
    List<AlertView> alerts = new ArrayList<>();
    for (AlertList list : store.fromAll(MarketQueries.ALERTS, MarketQueries.params(MarketQueries.ACCOUNT_ID, account))) {
      alerts.addAll(list.alerts());
    }
    alerts.sort(Comparator.comparingLong(AlertView::createdAt).thenComparingLong(AlertView::alertId));
    return alerts;
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode body = json.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new ApiException(400, -1100, "Request body must be a JSON object.");
      }
      return body;
    } catch (IOException e) {
      throw new ApiException(400, -1100, "Request body must be a JSON object.");
    }
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw ApiException.mandatoryMissing(name);
    }
    return value.asText();
  }

  private static AlertCondition condition(String text) {
    for (AlertCondition condition : AlertCondition.values()) {
      if (condition.name().equals(text)) {
        return condition;
      }
    }
    throw ApiException.invalidValue("condition");
  }

  private static long decimal(JsonNode body, String name, int scale) {
    String text = text(body, name);
    try {
      return Decimals.parse(text, scale);
    } catch (DecimalFormatException e) {
      if (e.reason() == DecimalFormatException.Reason.TOO_PRECISE) {
        throw ApiException.tooPrecise();
      }
      throw ApiException.illegalCharacters(name, "^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    }
  }

  private static long wholeNumber(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      throw ApiException.mandatoryMissing(name);
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw ApiException.illegalCharacters(name, "^[0-9]{1,4}$");
    }
    return value.asLong();
  }

  private static String note(JsonNode body) {
    JsonNode value = body.get("note");
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual() || value.asText().length() > MAX_NOTE_LENGTH) {
      throw ApiException.invalidValue("note");
    }
    return value.asText();
  }

  private static Map<String, Object> created(String symbol, CreateAlert alert, SymbolInfo info) {
    return view(new AlertView(alert.getAlertId(), 0, symbol, alert.getCondition().name(), alert.getPrice(),
        alert.getMovePercentBasisPoints(), alert.getWindowMs(), alert.getRecurring(), alert.getNote(), 0, 0, 0,
        info.quoteScale()));
  }

  private static Map<String, Object> view(AlertView alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alertId", alert.alertId());
    body.put("symbol", alert.symbol());
    body.put("condition", alert.condition());
    if (alert.condition().equals(AlertCondition.MOVES_PERCENT.name())) {
      body.put("percent", Decimals.format(alert.movePercentBasisPoints(), 2, 2));
      body.put("windowMinutes", alert.windowMs() / 60_000);
    } else {
      body.put("price", Decimals.format(alert.price(), alert.quoteScale()));
    }
    body.put("recurring", alert.recurring());
    body.put("note", alert.note());
    if (alert.createdAt() > 0) {
      body.put("createdAt", alert.createdAt());
      body.put("firedCount", alert.firedCount());
      body.put("lastFiredAt", alert.lastFiredAt());
    }
    return body;
  }
}
