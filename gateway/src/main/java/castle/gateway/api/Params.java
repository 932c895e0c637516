package castle.gateway.api;

import castle.money.DecimalFormatException;
import castle.money.Decimals;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A request's parameters as Binance defines them: the query string, followed for POST, PUT and
 * DELETE by an {@code application/x-www-form-urlencoded} body. The raw bytes stay available for
 * signature checks, which must use them exactly as received. A parameter sent twice is refused;
 * unknown ones are ignored, as the contract requires. The typed getters refuse bad values with
 * Binance's error codes, so nothing malformed gets further than this class.
 */
public final class Params {

  /** Longest accepted parameter value; longer ones are refused before any parsing. */
  public static final int MAX_VALUE_LENGTH = 256;

  static final String LONG_RANGE = "^[0-9]{1,20}$";
  static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String ATTRIBUTE = Params.class.getName();

  private final String rawQuery;
  private final String rawBody;
  private final Map<String, String> values;

  private Params(String rawQuery, String rawBody, Map<String, String> values) {
    this.rawQuery = rawQuery;
    this.rawBody = rawBody;
    this.values = values;
  }

  /** The parameters of a request, parsed once and cached on it. */
  public static Params of(Context ctx) {
    Params cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String body = "";
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      body = ctx.body();
      String type = ctx.contentType();
      if (!body.isEmpty() && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(FORM))) {
        throw new ApiException(400, -1100, "Request body must be " + FORM + ".");
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    parseInto(query, values);
    parseInto(body, values);
    Params params = new Params(query, body, Collections.unmodifiableMap(values));
    ctx.attribute(ATTRIBUTE, params);
    return params;
  }

  /** Parameters from a raw query string and body, for tests and the signature check. */
  public static Params parse(String rawQuery, String rawBody) {
    Map<String, String> values = new LinkedHashMap<>();
    parseInto(rawQuery, values);
    parseInto(rawBody, values);
    return new Params(rawQuery, rawBody, Collections.unmodifiableMap(values));
  }

  /** The query string exactly as received (without the leading '?'). */
  public String rawQuery() {
    return rawQuery;
  }

  /** The body exactly as received. */
  public String rawBody() {
    return rawBody;
  }

  /** Whether the parameter was sent (even empty). */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A parameter's value; absent when not sent, -1105 when sent empty. */
  public Optional<String> optional(String name) {
    String value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isEmpty()) {
      throw ApiException.emptyParameter(name);
    }
    return Optional.of(value);
  }

  /** A mandatory parameter's value; -1102 when missing or empty. */
  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw ApiException.mandatoryMissing(name);
    }
    return value;
  }

  /** The {@code symbol} parameter: upper-case letters and digits; whether it exists is the caller's check. */
  public String symbol() {
    String symbol = required("symbol");
    if (!SYMBOL.matcher(symbol).matches()) {
      throw ApiException.illegalCharacters("symbol", "^[A-Z0-9-_.]{1,20}$");
    }
    return symbol;
  }

  /** A mandatory non-negative integer parameter such as an id or a time. */
  public long requiredLong(String name) {
    return toLong(name, required(name));
  }

  /** An optional non-negative integer parameter. */
  public Optional<Long> optionalLong(String name) {
    return optional(name).map(value -> toLong(name, value));
  }

  /** An optional count such as {@code limit}, between 1 and {@code max}, or its default. */
  public int limit(String name, int defaultValue, int max) {
    long value = optionalLong(name).orElse((long) defaultValue);
    if (value < 1 || value > max) {
      throw ApiException.illegalCharacters(name, "1-" + max);
    }
    return (int) value;
  }

  /** A mandatory decimal amount at the given scale, such as a price or quantity. */
  public long requiredDecimal(String name, int scale) {
    return toDecimal(name, required(name), scale);
  }

  /** An optional decimal amount at the given scale. */
  public Optional<Long> optionalDecimal(String name, int scale) {
    return optional(name).map(value -> toDecimal(name, value, scale));
  }

  /** A mandatory parameter naming an enum constant; {@code invalid} gives the error otherwise. */
  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type, Supplier<ApiException> invalid) {
    return toEnum(required(name), type, invalid);
  }

  /** An optional parameter naming an enum constant. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type, Supplier<ApiException> invalid) {
    return optional(name).map(value -> toEnum(value, type, invalid));
  }

  private static <E extends Enum<E>> E toEnum(String value, Class<E> type, Supplier<ApiException> invalid) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw invalid.get();
  }

  private static long toLong(String name, String value) {
    if (!DIGITS.matcher(value).matches()) {
      throw ApiException.illegalCharacters(name, LONG_RANGE);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.illegalCharacters(name, LONG_RANGE);
    }
  }

  private static long toDecimal(String name, String value, int scale) {
    try {
      return Decimals.parse(value, scale);
    } catch (DecimalFormatException e) {
      if (e.reason() == DecimalFormatException.Reason.TOO_PRECISE) {
        throw ApiException.tooPrecise();
      }
      throw ApiException.illegalCharacters(name, DECIMAL_RANGE);
    }
  }

  private static void parseInto(String encoded, Map<String, String> values) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (value.length() > MAX_VALUE_LENGTH) {
        throw ApiException.illegalCharacters(name, "at most " + MAX_VALUE_LENGTH + " characters");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw ApiException.duplicateParameter();
      }
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, -1100, "Illegal characters found in a parameter.");
    }
  }
}
