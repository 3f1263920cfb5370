package org.mmrarebench.scoring;

import java.util.List;

/**
 * Supplies scorers to {@link ScorerRegistry#discover()}: list the implementing class in
 * {@code META-INF/services/org.mmrarebench.scoring.ScorerProvider} (and {@code provides} it in a
 * module descriptor, if the jar has one). Needs a public no-argument constructor.
 */
public interface ScorerProvider {
  /** The scorers this provider contributes. */
  List<Scorer> scorers();
}
