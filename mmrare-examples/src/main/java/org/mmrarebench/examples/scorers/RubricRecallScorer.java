package org.mmrarebench.examples.scorers;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.CrossmodalItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.scoring.Scorer;
import org.mmrarebench.scoring.ScorerProvider;
import org.mmrarebench.scoring.TokenF1;

/**
 * A worked example of a third-party scorer: the share of an item's rubric entries (required
 * treatment elements, key findings, key tests) whose normalised text appears in the normalised
 * prediction. Registered through {@code META-INF/services/org.mmrarebench.scoring.ScorerProvider}
 * exactly as an outside project would, and selected with {@code mmrare score --scorer rubric_recall}.
 */
public final class RubricRecallScorer implements Scorer, ScorerProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public RubricRecallScorer() {}

  @Override
  public List<Scorer> scorers() {
    return List.of(this);
  }

  @Override
  public String name() {
    return "rubric_recall";
  }

  @Override
  public Set<Track> tracks() {
    return EnumSet.of(Track.TREATMENT, Track.CROSSMODAL, Track.EXAMINATION);
  }

  @Override
  public OptionalDouble score(BenchmarkItem item, String prediction) {
    List<String> rubric;
    if (item instanceof TreatmentItem t) {
      rubric = t.mustInclude();
    } else if (item instanceof CrossmodalItem c) {
      rubric = c.keyFindings();
    } else if (item instanceof ExaminationItem e) {
      rubric = e.keyTests();
    } else {
      return OptionalDouble.empty();
    }
    List<String> entries = rubric.stream().map(TokenF1::normalize).filter(s -> !s.isEmpty()).toList();
    if (entries.isEmpty()) {
      return OptionalDouble.empty();
    }
    // Pad with spaces so that entries match whole words only.
    String text = " " + TokenF1.normalize(prediction) + " ";
    long hits = entries.stream().filter(e -> text.contains(" " + e + " ")).count();
    return OptionalDouble.of((double) hits / entries.size());
  }
}
