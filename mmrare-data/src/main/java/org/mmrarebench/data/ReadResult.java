package org.mmrarebench.data;

import static com.google.common.base.Preconditions.checkNotNull;

import org.mmrarebench.core.Benchmark;

/**
 * What a read produced: every good item, and the report of every problem.
 *
 * @param benchmark the items that could be read
 * @param report the problems found (always empty after a strict read, which throws instead)
 */
public record ReadResult(Benchmark benchmark, ValidationReport report) {
  /** Validates. */
  public ReadResult {
    checkNotNull(benchmark, "benchmark");
    checkNotNull(report, "report");
  }
}
