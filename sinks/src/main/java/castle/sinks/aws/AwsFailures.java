package castle.sinks.aws;

import castle.sinks.core.RejectedBatchException;
import castle.sinks.core.RetriableWriteException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Sorts AWS failures into the ones worth retrying (throttling, 5xx, network) and lasting refusals. */
public final class AwsFailures {

  private AwsFailures() {}

  /** True when the same call may succeed later. */
  public static boolean isTransient(SdkException e) {
    if (e instanceof SdkClientException || e.retryable()) {
      return true;
    }
    return e instanceof AwsServiceException service
        && (service.isThrottlingException() || service.statusCode() >= 500);
  }

  /**
   * Throws the failure of a whole batch as the sink task expects it; declared to return so callers can
   * write {@code throw AwsFailures.rethrow(...)}.
   */
  public static IllegalStateException rethrow(String call, SdkException e)
      throws RetriableWriteException, RejectedBatchException {
    String message = call + ": " + e.getMessage();
    if (isTransient(e)) {
      throw new RetriableWriteException(message, e);
    }
    throw new RejectedBatchException(message, e);
  }
}
