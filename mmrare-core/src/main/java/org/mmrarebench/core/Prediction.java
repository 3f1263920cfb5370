package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A model's answer to one item, or why there is none.
 *
 * @param index the item's index
 * @param text the answer as the reference reads it back ({@code nan} for a missing value in a TSV)
 * @param error present when the model failed for this item; the text is then ignored
 */
public record Prediction(String index, String text, Optional<String> error) {
  /** Validates. */
  public Prediction {
    checkNotNull(index, "index");
    checkNotNull(text, "text");
    checkNotNull(error, "error");
  }

  /** A prediction. */
  public static Prediction of(String index, String text) {
    return new Prediction(index, text, Optional.empty());
  }

  /** A model failure for this item. */
  public static Prediction failed(String index, String error) {
    return new Prediction(index, "", Optional.of(error));
  }
}
