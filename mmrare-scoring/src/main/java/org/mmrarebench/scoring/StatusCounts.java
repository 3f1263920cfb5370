package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * How many items of a track ended in each {@link ItemStatus}.
 *
 * @param total every item
 * @param scored items with a score
 * @param unscored items whose judge reply could not be read (strict mode)
 * @param judgeErrors items whose judge call failed
 * @param modelErrors items whose model call failed
 */
public record StatusCounts(int total, int scored, int unscored, int judgeErrors, int modelErrors) {
  /** Validates that the parts add up. */
  public StatusCounts {
    checkArgument(scored + unscored + judgeErrors + modelErrors == total, "counts %s+%s+%s+%s do not add up to %s",
        scored, unscored, judgeErrors, modelErrors, total);
  }

  /** Counts of {@code results}. */
  public static StatusCounts of(List<ItemResult> results) {
    int[] c = new int[ItemStatus.values().length];
    results.forEach(r -> c[r.status().ordinal()]++);
    return new StatusCounts(results.size(), c[ItemStatus.SCORED.ordinal()], c[ItemStatus.UNSCORED.ordinal()],
        c[ItemStatus.JUDGE_ERROR.ordinal()], c[ItemStatus.MODEL_ERROR.ordinal()]);
  }

  /** Judge plus model errors. */
  public int errors() {
    return judgeErrors + modelErrors;
  }
}
