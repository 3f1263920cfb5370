package org.mmrarebench.scoring.tour;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.scoring.Scorer;
import org.mmrarebench.scoring.ScorerProvider;

/** A research codebase's own scorer, found through the SPI (META-INF/services in the test resources). */
public final class KeywordScorers implements ScorerProvider {
  /** For {@link java.util.ServiceLoader}. */
  public KeywordScorers() {}

  @Override
  public List<Scorer> scorers() {
    return List.of(new Scorer() {
      @Override
      public String name() {
        return "my_scorer";
      }

      @Override
      public Set<Track> tracks() {
        return EnumSet.of(Track.TREATMENT);
      }

      @Override
      public OptionalDouble score(BenchmarkItem item, String prediction) {
        List<String> must = ((TreatmentItem) item).mustInclude();
        if (must.isEmpty()) {
          return OptionalDouble.empty();
        }
        String p = prediction.toLowerCase(Locale.ROOT);
        return OptionalDouble.of(must.stream().filter(m -> p.contains(m.toLowerCase(Locale.ROOT))).count()
            / (double) must.size());
      }
    });
  }
}
