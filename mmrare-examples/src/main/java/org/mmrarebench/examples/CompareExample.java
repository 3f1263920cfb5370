package org.mmrarebench.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.PairedComparison;
import org.mmrarebench.scoring.ResultsJson;

/**
 * Worked example: comparing two runs item by item - the mean difference, its paired bootstrap
 * interval and the Wilcoxon signed-rank p-value - from their {@code items.jsonl} files.
 */
public final class CompareExample {
  private CompareExample() {}

  /** One comparison per track present in run A. */
  public static List<PairedComparison> compare(Path runA, Path runB) {
    List<ItemResult> a = ResultsJson.readItems(runA.resolve("items.jsonl"));
    List<ItemResult> b = ResultsJson.readItems(runB.resolve("items.jsonl"));
    List<PairedComparison> out = new ArrayList<>();
    for (Track t : Track.values()) {
      if (a.stream().anyMatch(r -> r.track() == t)) {
        out.add(PairedComparison.compare(t, a, b, Bootstrap.DEFAULT));
      }
    }
    return out;
  }
}
