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
}
