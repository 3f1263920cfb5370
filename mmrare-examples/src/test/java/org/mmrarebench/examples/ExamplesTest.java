package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.examples.scorers.RubricRecallScorer;
import org.mmrarebench.scoring.ScorerRegistry;
import org.mmrarebench.scoring.TrackMetrics;

/** The worked examples run, and the example scorer is found through the SPI like any third-party one. */
class ExamplesTest {
  @Test
  void embeddingExampleRunsOnTheSample() {
    TrackMetrics m = EmbeddingExample.run(new EmbeddingExample.EchoModel());
    assertEquals(12, m.values().get("n_total"));
    assertEquals("substring_match", m.primaryKey());
    assertEquals(0.0, m.primary());
  }

  @Test
  void exampleScorerIsDiscoveredThroughServiceLoader() {
    ScorerRegistry reg = ScorerRegistry.discover();
    assertTrue(reg.names().containsAll(List.of("rubric_recall", "substring_match", "token_f1")), reg.names().toString());
    TreatmentItem item = (TreatmentItem) Benchmark.sample().track(Track.TREATMENT).items().get(0);
    String answer = String.join(" and ", item.mustInclude());
    assertEquals(1.0, reg.get("rubric_recall").score(item, answer).getAsDouble());
    assertEquals(0.0, reg.get("rubric_recall").score(item, "supportive care").getAsDouble());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reg.get("nope"));
    assertTrue(e.getMessage().contains("rubric_recall, substring_match, token_f1"), e.getMessage());
    assertThrows(ConfigurationException.class,
        () -> ScorerRegistry.of(List.of(new RubricRecallScorer(), new RubricRecallScorer())));
  }
}
