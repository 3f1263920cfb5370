package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a judge reply says about one item: the score in [0, 1], the per-dimension verdicts (strict
 * mode: 1/0 for YES/NO, 0/1/2 for EXAMINATION), or why it could not be read.
 *
 * @param score the item score, empty when the reply could not be read
 * @param dimensions per-dimension verdicts in rubric order; empty in compat mode
 * @param unreadable why no score could be read; present exactly when {@code score} is empty
 */
public record JudgeVerdict(OptionalDouble score, List<Integer> dimensions, Optional<String> unreadable) {
  /** Validates that a verdict is either scored or explained. */
  public JudgeVerdict {
    checkNotNull(score, "score");
    dimensions = List.copyOf(dimensions);
    checkNotNull(unreadable, "unreadable");
    checkArgument(score.isPresent() != unreadable.isPresent(), "a verdict has a score or a reason, not both");
  }

  /** A scored verdict. */
  public static JudgeVerdict scored(double score, List<Integer> dimensions) {
    return new JudgeVerdict(OptionalDouble.of(score), dimensions, Optional.empty());
  }

  /** An unreadable reply, with the reason. */
  public static JudgeVerdict unreadable(String reason) {
    return new JudgeVerdict(OptionalDouble.empty(), List.of(), Optional.of(reason));
  }
}
