package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Map;

/**
 * A T3 cross-image evidence alignment item.
 *
 * @param core the common fields (its {@link ItemCore#figureMapping()} labels the images)
 * @param keyFindings the key findings ({@code golden_mainline}; objects reduced to their {@code claim})
 * @param relationType the expected relation, lower-cased and trimmed ({@code confirm}, {@code complement},
 *     {@code contrast}); empty when missing
 */
public record CrossmodalItem(ItemCore core, List<String> keyFindings, String relationType) implements BenchmarkItem {
  /** Validates and copies. */
  public CrossmodalItem {
    checkNotNull(core, "core");
    checkArgument(core.track() == Track.CROSSMODAL, "a CrossmodalItem needs track CROSSMODAL, was %s", core.track());
    keyFindings = List.copyOf(keyFindings);
    checkNotNull(relationType, "relationType");
  }

  /** Figure label to relative image path, in file order. */
  public Map<String, String> figureMapping() {
    return core.figureMapping();
  }
}
