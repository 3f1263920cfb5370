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
    assertEquals(12, m.counts().total());
    assertEquals("substring_match", m.primaryKey());
    assertEquals(0.0, m.primary());
  }

  @Test
  void rescoreExampleReplaysRecordedJudgeReplies(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    java.nio.file.Path data = org.mmrarebench.testing.Shared.resolve("parity/tracks");
    java.nio.file.Path replies = tmp.resolve("r.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      sb.append("{\"index\": \"").append(i).append("\", \"reply\": \"")
          .append(i == 0 ? "Looks fine, yes." : "1. YES\\n2. NO, no dose\\n3. YES\\n4. NO\\n5. YES\\n6. NO")
          .append("\"}\n");
    }
    java.nio.file.Files.writeString(replies, sb.toString());
    Benchmark bench = org.mmrarebench.data.ReleaseReader.lenient().read(data).benchmark();
    List<TrackMetrics> m = RescoreExample.rescore(bench, Track.TREATMENT, data.resolve("treatment/predictions.tsv"),
        replies);
    assertEquals(40, m.get(0).counts().total());
    assertEquals(1, m.get(1).counts().unscored());
    assertEquals(0.5, m.get(1).primary(), 1e-12);
    assertTrue(m.get(0).primary() != m.get(1).primary(), "compat counts the 'no' inside explanations");
  }

  @Test
  void compareExampleComparesTwoRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    assertEquals(0, CliTest.run("evaluate", "--out", tmp.resolve("a").toString(), "--resamples", "100").code());
    assertEquals(0, CliTest.run("evaluate", "--out", tmp.resolve("b").toString(), "--resamples", "100",
        "--track", "diagnosis").code());
    var cmp = CompareExample.compare(tmp.resolve("a"), tmp.resolve("b"));
    assertEquals(4, cmp.size());
    assertEquals(12, cmp.get(0).nPaired());
    assertEquals(0.0, cmp.get(0).meanDifference());
    assertEquals(0, cmp.get(1).nPaired(), "run B has no treatment items");
  }

  @Test
  void exampleScorerIsDiscoveredThroughServiceLoader() {
    ScorerRegistry reg = ScorerRegistry.discover();
    assertTrue(reg.names().containsAll(List.of("rubric_recall", "substring_match", "token_f1")), reg.names().toString());
    TreatmentItem item = (TreatmentItem) Benchmark.embedded().track(Track.TREATMENT).items().get(0);
    String answer = String.join(" and ", item.mustInclude());
    assertEquals(1.0, reg.get("rubric_recall").score(item, answer).getAsDouble());
    assertEquals(0.0, reg.get("rubric_recall").score(item, "supportive care").getAsDouble());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reg.get("nope"));
    assertTrue(e.getMessage().contains("rubric_recall, substring_match, token_f1"), e.getMessage());
    assertThrows(ConfigurationException.class,
        () -> ScorerRegistry.of(List.of(new RubricRecallScorer(), new RubricRecallScorer())));
  }
}
