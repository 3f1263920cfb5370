package org.mmrarebench.scoring.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.ScoringMode;

/** Self-consistency of a judge sampled three times per item. */
class SelfConsistencyTest {
  static ItemResult item(int i, String samples) {
    return new ItemResult(Track.DIAGNOSIS, Integer.toString(i), "p", Optional.empty(), Optional.of("r"), List.of(),
        OptionalDouble.of(0.6), OptionalDouble.of(0.5), ItemStatus.SCORED, ScoringMode.STRICT, false, Optional.empty(),
        1, "", "", Map.of(), Map.of(ItemResult.JUDGE_SAMPLE_VERDICTS, samples));
  }

  @Test
  void kappaFlipsAndAnIntervalThatIncludesTheJudgesVariance() {
    List<ItemResult> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // dimension 1 always agrees across samples (alternating between items); dimension 2 flips on every 4th item
      String d1 = Integer.toString(i % 2);
      String stable = d1 + ",1,0";
      items.add(item(i, i % 4 == 0 ? stable + ";" + d1 + ",0,0;" + stable : stable + ";" + stable + ";" + stable));
    }
    items.add(item(99, "1,1,1;;1,1,1"));
    List<SelfConsistency> rows = SelfConsistency.of(items, new Bootstrap(2_000, 1, 0.95));
    assertEquals(1, rows.size());
    SelfConsistency c = rows.get(0);
    assertEquals(3, c.samples());
    assertEquals(40, c.items());
    assertEquals(1, c.incomplete(), "an unreadable sample leaves the item out");
    assertEquals(10 / 40.0, c.flipShare(), 1e-12);
    assertEquals(1.0, c.fleissKappa().get(0), 1e-12, "perfect agreement on dimension 1");
    assertTrue(c.fleissKappa().get(1) < 1, "dimension 2 flips");
    assertTrue(Double.isNaN(c.fleissKappa().get(2)), "a dimension that never varies has no kappa");
    assertTrue(c.interval().low() <= c.meanScore() && c.meanScore() <= c.interval().high(), c.toString());
  }
}
