package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A model's answer with its token usage (when the server reports it) and latency.
 *
 * @param text the answer text
 * @param promptTokens prompt tokens, when known
 * @param completionTokens completion tokens, when known
 * @param latency wall time of the call
 */
public record ModelResponse(String text, OptionalLong promptTokens, OptionalLong completionTokens, Duration latency) {
  /** Validates. */
  public ModelResponse {
    checkNotNull(text, "text");
    checkNotNull(promptTokens, "promptTokens");
    checkNotNull(completionTokens, "completionTokens");
    checkNotNull(latency, "latency");
  }

  /** A response with no usage figures. */
  public static ModelResponse of(String text, Duration latency) {
    return new ModelResponse(text, OptionalLong.empty(), OptionalLong.empty(), latency);
  }
}
