package org.mmrarebench.core;

import java.util.List;

/**
 * One question of the benchmark, typed per track. The common fields are in {@link #core()};
 * each track's record adds its rubric fields.
 */
public sealed interface BenchmarkItem permits DiagnosisItem, TreatmentItem, CrossmodalItem, ExaminationItem {
  /** The fields every track has. */
  ItemCore core();

  /** The item's track. */
  default Track track() {
    return core().track();
  }

  /** The {@code index} value, as text. */
  default String index() {
    return core().index();
  }

  /** Track and index together. */
  default ItemId id() {
    return core().id();
  }

  /** The question. */
  default String question() {
    return core().question();
  }

  /** The reference answer. */
  default String answer() {
    return core().answer();
  }

  /** The case narrative (empty when missing). */
  default String context() {
    return core().context();
  }

  /** The images, in prompt order. */
  default List<ImageRef> images() {
    return core().images();
  }
}
