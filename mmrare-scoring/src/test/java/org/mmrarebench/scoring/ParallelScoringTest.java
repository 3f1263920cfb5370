package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Track;
import org.junit.jupiter.api.Test;

/**
 * Large judge-free runs are scored on several threads: the results are the sequential ones, in the
 * order of the predictions, and a scorer's failure surfaces as itself.
 */
class ParallelScoringTest {
  private static final Benchmark SAMPLE = Benchmark.embedded();

  @Test
  void manyPredictionsScoreExactlyAsOneAtATime() {
    for (Track t : List.of(Track.DIAGNOSIS, Track.TREATMENT)) {
      List<BenchmarkItem> items = SAMPLE.track(t).items();
      List<Prediction> preds = new ArrayList<>();
      for (int i = 0; i < 5_300; i++) {
        BenchmarkItem item = items.get(i % items.size());
        String gold = item instanceof org.mmrarebench.core.DiagnosisItem d ? d.golds().get(0) : "a plan";
        preds.add(Prediction.of(item.id(), i % 3 == 0 ? gold : "the " + gold.substring(0, gold.length() / 2) + " " + i));
      }
      ScorerRegistry registry = ScorerRegistry.discover();
      List<Scorer> all = registry.names().stream().map(registry::get).filter(s -> s.tracks().contains(t)).toList();
      Scoring scoring = Scoring.builder().scorers(all).build();
      List<ItemResult> parallel = scoring.score(SAMPLE, t, preds);
      List<ItemResult> sequential = new ArrayList<>();
      for (Prediction p : preds) {
        sequential.add(scoring.scoreItem(SAMPLE.get(t, p.index()).orElseThrow(), p));
      }
      assertEquals(sequential, parallel, t.folder());
    }
  }

  @Test
  void aFailingScorerFailsTheRunWithTheEarliestPredictionsOwnException() {
    Scorer failing = new Scorer() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public Set<Track> tracks() {
        return EnumSet.of(Track.DIAGNOSIS);
      }

      @Override
      public OptionalDouble score(BenchmarkItem item, String prediction) {
        if (prediction.equals("x1500") || prediction.equals("x4321")) {
          throw new IllegalStateException("boom " + prediction);
        }
        return OptionalDouble.of(0);
      }
    };
    List<BenchmarkItem> items = SAMPLE.track(Track.DIAGNOSIS).items();
    List<Prediction> preds = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      preds.add(Prediction.of(items.get(i % items.size()).id(), "x" + i));
    }
    Scoring scoring = Scoring.builder().scorers(List.of(failing)).build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> scoring.score(SAMPLE, Track.DIAGNOSIS, preds));
    assertEquals("boom x1500", e.getMessage(), "the sequential loop's failure, not a later one");
  }
}
