package org.mmrarebench.scoring.run;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running evaluation.
 *
 * @param done items finished (including those skipped because the journal had them)
 * @param total items in the run
 * @param inFlight items being worked on
 * @param errors items that failed (model or judge errors)
 * @param ratePerSecond items finished per second since the start of this process
 * @param eta the estimated time left, when a rate is known
 * @param promptTokens prompt tokens reported so far
 * @param completionTokens completion tokens reported so far
 */
public record Progress(int done, int total, int inFlight, int errors, double ratePerSecond, Optional<Duration> eta,
    long promptTokens, long completionTokens) {

  /** Receives progress snapshots; called from worker threads, so implementations must be thread-safe. */
  @FunctionalInterface
  public interface Listener {
    /** A new snapshot. */
    void update(Progress progress);

    /** A listener that ignores everything. */
    static Listener none() {
      return p -> { };
    }
  }
}
