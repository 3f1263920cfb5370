package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * A T2 treatment-planning item.
 *
 * @param core the common fields
 * @param mustInclude required treatment elements ({@code rubric_must_include})
 * @param mustNot safety violations to check ({@code rubric_must_not})
 */
public record TreatmentItem(ItemCore core, List<String> mustInclude, List<String> mustNot) implements BenchmarkItem {
  /** Validates and copies. */
  public TreatmentItem {
    checkNotNull(core, "core");
    checkArgument(core.track() == Track.TREATMENT, "a TreatmentItem needs track TREATMENT, was %s", core.track());
    mustInclude = List.copyOf(mustInclude);
    mustNot = List.copyOf(mustNot);
  }
}
