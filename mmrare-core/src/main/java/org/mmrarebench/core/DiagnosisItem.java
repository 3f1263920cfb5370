package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A T1 diagnosis item.
 *
 * @param core the common fields
 * @param aliases accepted synonyms and abbreviations ({@code answer_aliases}), as the reference parses the list
 * @param orphaCode the gold disorder's ORPHA code, empty when the cell is missing or not a code
 * @param category the disease category, empty when missing
 */
public record DiagnosisItem(ItemCore core, List<String> aliases, Optional<OrphaCode> orphaCode, String category)
    implements BenchmarkItem {

  /** Validates and copies. */
  public DiagnosisItem {
    checkNotNull(core, "core");
    checkArgument(core.track() == Track.DIAGNOSIS, "a DiagnosisItem needs track DIAGNOSIS, was %s", core.track());
    aliases = List.copyOf(aliases);
    checkNotNull(orphaCode, "orphaCode");
    checkNotNull(category, "category");
  }

  /**
   * The answers a prediction is compared with, as the reference builds them: the answer, then
   * every alias that is not blank.
   */
  public List<String> golds() {
    List<String> golds = new ArrayList<>(1 + aliases.size());
    golds.add(answer());
    for (String a : aliases) {
      if (!a.strip().isEmpty()) {
        golds.add(a);
      }
    }
    return List.copyOf(golds);
  }
}
