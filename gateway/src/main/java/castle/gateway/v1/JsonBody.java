package castle.gateway.v1;

import castle.gateway.api.ApiException;
import castle.money.DecimalFormatException;
import castle.money.Decimals;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON object a native ({@code /v1}) request sends, read strictly: the content type must be
 * {@code application/json}, the body at most {@value #MAX_BYTES} bytes, one flat object without
 * duplicate keys. The typed getters refuse missing, mistyped, over-long or control-character values
 * with the contract's error codes, so nothing malformed gets past the route that reads it. Unknown
 * keys are ignored, as the Binance contract does for unknown parameters.
 */
public final class JsonBody {

  /** Largest accepted body. */
  public static final int MAX_BYTES = 16 * 1024;

  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          new JsonFactoryBuilder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(MAX_BYTES).build())
              .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private final ObjectNode fields;

  private JsonBody(ObjectNode fields) {
    this.fields = fields;
  }

  /** The request's body; an absent body reads as an empty object. */
  public static JsonBody of(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      return new JsonBody(MAPPER.createObjectNode());
    }
    if (bytes.length > MAX_BYTES) {
      throw new ApiException(413, -1100, "Request body is larger than " + MAX_BYTES + " bytes.");
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
      throw new ApiException(415, -1100, "Request body must be " + JSON + ".");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
        throw ApiException.duplicateParameter();
      }
      throw new ApiException(400, -1100, "Malformed JSON body.");
    } catch (IOException e) {
      throw new ApiException(400, -1100, "Malformed JSON body.");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new ApiException(400, -1100, "Request body must be a JSON object.");
    }
    return new JsonBody(object);
  }

  /** Whether the body has {@code name} with a non-null value. */
  public boolean has(String name) {
    JsonNode value = fields.get(name);
    return value != null && !value.isNull();
  }

  /** A mandatory string of 1 to {@code maxLength} characters without control characters. */
  public String requiredString(String name, int maxLength) {
    return optionalString(name, maxLength).orElseThrow(() -> ApiException.mandatoryMissing(name));
  }

  /** An optional string; sent empty counts as not sent. */
  public Optional<String> optionalString(String name, int maxLength) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.illegalCharacters(name, "a string");
    }
    String text = value.textValue();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() > maxLength || text.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.illegalCharacters(name, "1-" + maxLength + " printable characters");
    }
    return Optional.of(text);
  }

  /** A mandatory name of an enum constant. */
  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    return optionalEnum(name, type).orElseThrow(() -> ApiException.mandatoryMissing(name));
  }

  /** An optional name of an enum constant. */
  public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optionalString(name, 32).map(text -> {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(text)) {
          return constant;
        }
      }
      throw ApiException.invalidValue(name);
    });
  }

  /** A mandatory whole number within [min, max]. */
  public int requiredInt(String name, int min, int max) {
    return optionalInt(name, min, max).orElseThrow(() -> ApiException.mandatoryMissing(name));
  }

  /** An optional whole number within [min, max]. */
  public Optional<Integer> optionalInt(String name, int min, int max) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      throw ApiException.illegalCharacters(name, min + "-" + max);
    }
    return Optional.of(value.intValue());
  }

  /** A mandatory non-negative decimal string at {@code scale}, as fixed-point units. */
  public long requiredDecimal(String name, int scale) {
    return decimal(name, requiredString(name, Decimals.MAX_LENGTH), scale);
  }

  /** A non-negative decimal string at {@code scale}, as fixed-point units; -1100 or -1111 otherwise. */
  public static long decimal(String name, String text, int scale) {
    try {
      return Decimals.parse(text, scale);
    } catch (DecimalFormatException e) {
      if (e.reason() == DecimalFormatException.Reason.TOO_PRECISE) {
        throw ApiException.tooPrecise();
      }
      throw ApiException.illegalCharacters(name, "a plain decimal with at most " + scale + " decimals");
    }
  }

  /** A mandatory true or false. */
  public boolean requiredBoolean(String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      throw ApiException.mandatoryMissing(name);
    }
    if (!value.isBoolean()) {
      throw ApiException.illegalCharacters(name, "true or false");
    }
    return value.booleanValue();
  }

  /** An optional flat object of string values, such as {@code {"BTC": "1"}}. */
  public Optional<Map<String, String>> optionalStringMap(String name, int maxEntries, int maxLength) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject() || value.size() > maxEntries) {
      throw ApiException.illegalCharacters(name, "an object of at most " + maxEntries + " strings");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    value.fields().forEachRemaining(entry -> {
      JsonNode v = entry.getValue();
      if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > maxLength || entry.getKey().length() > maxLength) {
        throw ApiException.illegalCharacters(name, "an object of at most " + maxEntries + " strings");
      }
      entries.put(entry.getKey(), v.textValue());
    });
    return Optional.of(entries);
  }
}
