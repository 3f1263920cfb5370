package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A model's answer to one item, or why there is none. It names its item (track and index), so a
 * prediction can never be scored against another track's item with the same index.
 *
 * @param id the item answered
 * @param text the answer as the reference reads it back ({@code nan} for a missing value in a TSV)
 * @param error present when the model failed for this item; the text is then ignored
 */
public record Prediction(ItemId id, String text, Optional<String> error) {
  /** Validates. */
  public Prediction {
    checkNotNull(id, "id");
    checkNotNull(text, "text");
    checkNotNull(error, "error");
  }

  /** A prediction for item {@code id}. */
  public static Prediction of(ItemId id, String text) {
    return new Prediction(id, text, Optional.empty());
  }

  /** A model failure for item {@code id}. */
  public static Prediction failed(ItemId id, String error) {
    return new Prediction(id, "", Optional.of(error));
  }

  /** The item's track. */
  public Track track() {
    return id.track();
  }

  /** The item's {@code index}. */
  public String index() {
    return id.index();
  }
}
