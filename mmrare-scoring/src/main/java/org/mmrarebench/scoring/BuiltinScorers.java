package org.mmrarebench.scoring;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.Track;

/** The scorers that ship with mmrare: {@code token_f1} (diagnosis) and {@code substring_match} (all tracks). */
public final class BuiltinScorers implements ScorerProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public BuiltinScorers() {}

  @Override
  public List<Scorer> scorers() {
    return List.of(new TokenF1Scorer(), new SubstringMatchScorer());
  }

  /** The benchmark's diagnosis token F1 (max over answer and aliases). */
  static final class TokenF1Scorer implements Scorer {
    @Override
    public String name() {
      return "token_f1";
    }

    @Override
    public Set<Track> tracks() {
      return EnumSet.of(Track.DIAGNOSIS);
    }

    @Override
    public OptionalDouble score(BenchmarkItem item, String prediction) {
      return item instanceof DiagnosisItem d
          ? OptionalDouble.of(TokenF1.maxF1(d.golds(), prediction, TokenF1.Variant.MMRAREBENCH))
          : OptionalDouble.empty();
    }
  }

  /** The reference's judge-free fallback: the prediction contains the answer's first 50 characters. */
  static final class SubstringMatchScorer implements Scorer {
    @Override
    public String name() {
      return "substring_match";
    }

    @Override
    public Set<Track> tracks() {
      return EnumSet.allOf(Track.class);
    }

    @Override
    public OptionalDouble score(BenchmarkItem item, String prediction) {
      return OptionalDouble.of(Scoring.substringHit(item.answer(), prediction));
    }
  }
}
