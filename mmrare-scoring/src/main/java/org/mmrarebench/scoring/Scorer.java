package org.mmrarebench.scoring;

import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Track;

/**
 * A judge-free, per-item metric in [0, 1], reported beside the judge score. Third parties add
 * their own through {@link ScorerProvider}; implementations must be stateless or thread-safe.
 */
public interface Scorer {
  /** A unique, stable name: lower case, digits and underscores, for example {@code token_f1}. */
  String name();

  /** The tracks this scorer applies to. */
  Set<Track> tracks();

  /**
   * Scores {@code prediction} for {@code item}; empty when the item gives nothing to score against
   * (for example an item without rubric entries).
   */
  OptionalDouble score(BenchmarkItem item, String prediction);

  /**
   * The key under which the mean of this scorer appears in a track's metrics (and its per-item
   * value in {@link ItemResult#scorers()}); {@code scorer_<name>} unless the scorer names its own.
   */
  default String metricKey(Track track) {
    return "scorer_" + name();
  }

  /** Text labels to record on the item beside the value, for example {@code orpha_match = broader}. */
  default java.util.Map<String, String> annotate(BenchmarkItem item, String prediction) {
    return java.util.Map.of();
  }
}
