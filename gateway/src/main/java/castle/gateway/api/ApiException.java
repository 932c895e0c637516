package castle.gateway.api;

/**
 * A request the API refuses, with the HTTP status and Binance's error code and message. Handlers
 * throw it; {@link ApiErrors} turns it into {@code {"code": ..., "msg": ...}}. The factory methods
 * carry Binance's texts word for word, because clients match on them.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final int code;

  /** An error with the given status, code and exact message. */
  public ApiException(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The Binance error code (negative). */
  public int code() {
    return code;
  }

  /** -1000: something failed on our side; no details leak to the client. */
  public static ApiException internal() {
    return new ApiException(500, -1000, "An unknown error occurred while processing the request.");
  }

  /** -1001: a backend the request needs is not available right now. */
  public static ApiException backendUnavailable() {
    return new ApiException(503, -1001, "Internal error; unable to process your request. Please try again.");
  }

  /** -1002: the API key lacks the permission this endpoint needs. */
  public static ApiException unauthorized() {
    return new ApiException(401, -1002, "You are not authorized to execute this request.");
  }

  /** -1007: the outcome did not arrive in time; the order may still execute. */
  public static ApiException backendTimeout() {
    return new ApiException(
        408,
        -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
  }

  /** -1021: the request's timestamp is outside its receive window. */
  public static ApiException outsideRecvWindow() {
    return new ApiException(400, -1021, "Timestamp for this request is outside of the recvWindow.");
  }

  /** -1021: the request's timestamp is more than a second ahead of the server. */
  public static ApiException aheadOfServer() {
    return new ApiException(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  }

  /** -1022: the HMAC signature does not match. */
  public static ApiException badSignature() {
    return new ApiException(400, -1022, "Signature for this request is not valid.");
  }

  /** -1100: a parameter holds characters or a form it may not. */
  public static ApiException illegalCharacters(String parameter, String legalRange) {
    return new ApiException(
        400, -1100, "Illegal characters found in parameter '" + parameter + "'; legal range is '" + legalRange + "'.");
  }

  /** -1101: a parameter was sent more than once. */
  public static ApiException duplicateParameter() {
    return new ApiException(400, -1101, "Duplicate values for a parameter detected.");
  }

  /** -1102: a mandatory parameter is missing, empty or malformed. */
  public static ApiException mandatoryMissing(String parameter) {
    return new ApiException(
        400, -1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
  }

  /** -1102: neither of two alternative parameters was sent. */
  public static ApiException eitherMissing(String first, String second) {
    return new ApiException(400, -1102, "Param '" + first + "' or '" + second + "' must be sent, but both were empty/null!");
  }

  /** -1105: a parameter was sent with an empty value. */
  public static ApiException emptyParameter(String parameter) {
    return new ApiException(400, -1105, "Parameter '" + parameter + "' was empty.");
  }

  /** -1106: a parameter was sent that this request must not have. */
  public static ApiException notRequired(String parameter) {
    return new ApiException(400, -1106, "Parameter '" + parameter + "' sent when not required.");
  }

  /** -1111: more decimal places than the asset has. */
  public static ApiException tooPrecise() {
    return new ApiException(400, -1111, "Precision is over the maximum defined for this asset.");
  }

  /** -1115: not GTC, IOC or FOK. */
  public static ApiException invalidTimeInForce() {
    return new ApiException(400, -1115, "Invalid timeInForce.");
  }

  /** -1116: not an order type Castle knows. */
  public static ApiException invalidOrderType() {
    return new ApiException(400, -1116, "Invalid orderType.");
  }

  /** -1117: not BUY or SELL. */
  public static ApiException invalidSide() {
    return new ApiException(400, -1117, "Invalid side.");
  }

  /** -1120: not a supported kline interval. */
  public static ApiException invalidInterval() {
    return new ApiException(400, -1120, "Invalid interval.");
  }

  /** -1121: no such symbol. */
  public static ApiException invalidSymbol() {
    return new ApiException(400, -1121, "Invalid symbol.");
  }

  /** -1128: optional parameters that cannot be combined. */
  public static ApiException badCombination() {
    return new ApiException(400, -1128, "Combination of optional parameters invalid.");
  }

  /** -1130: a parameter's value is not valid for it. */
  public static ApiException invalidValue(String parameter) {
    return new ApiException(400, -1130, "Data sent for parameter '" + parameter + "' is not valid.");
  }

  /** -1131: recvWindow above the 60 s maximum. */
  public static ApiException recvWindowTooLarge() {
    return new ApiException(400, -1131, "recvWindow must be less than 60000");
  }

  /** -2013: no such order for this account. */
  public static ApiException noSuchOrder() {
    return new ApiException(400, -2013, "Order does not exist.");
  }

  /** -2014: the API key header is missing or malformed. */
  public static ApiException apiKeyFormat() {
    return new ApiException(401, -2014, "API-key format invalid.");
  }

  /** -2015: the API key is unknown or disabled. */
  public static ApiException invalidApiKey() {
    return new ApiException(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }

  /** An order-rejection code and message from {@link castle.orders.RejectReason}, as a 400. */
  public static ApiException rejected(castle.orders.RejectReason reason) {
    return new ApiException(400, reason.code(), reason.message());
  }
}
