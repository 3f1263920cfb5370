package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A T4 examination-suggestion item. The model is never shown its context (leakage control).
 *
 * @param core the common fields
 * @param keyTests key diagnostic tests expected ({@code key_test_names})
 * @param redFlags red flags to rule out ({@code red_flags_to_rule_out})
 * @param mustNot tests that should not be recommended ({@code must_not})
 */
public record ExaminationItem(ItemCore core, List<String> keyTests, List<String> redFlags, List<String> mustNot)
    implements BenchmarkItem {
  /** Validates and copies. */
  public ExaminationItem {
    checkNotNull(core, "core");
    checkArgument(core.track() == Track.EXAMINATION, "an ExaminationItem needs track EXAMINATION, was %s",
        core.track());
    keyTests = List.copyOf(keyTests);
    redFlags = List.copyOf(redFlags);
    mustNot = List.copyOf(mustNot);
  }
}
