package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.mmrarebench.core.Track;

/** Properties of the pure scoring functions. */
class ScoringProperties {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("abcde AN the.,-\u00a0\u2009\u0130\u03a3\n").ofMaxLength(40),
        Arbitraries.of("YES", "NO", "yes", "no", "1.", "2", "0", "/", "%", "\u0661/\u0662", " ", "\n").list()
            .ofMaxSize(20).map(l -> String.join(" ", l)));
  }

  @Property
  void f1LiesInTheUnitInterval(@ForAll("texts") String gold, @ForAll("texts") String pred) {
    for (TokenF1.Variant v : TokenF1.Variant.values()) {
      double f = TokenF1.f1(gold, pred, v);
      assertTrue(f >= 0 && f <= 1, () -> v + " f1 " + f);
    }
  }

  @Property
  void f1IsOneForIdenticalNonEmptyNormalisedText(@ForAll("texts") String a) {
    if (!TokenF1.normalize(a).isEmpty()) {
      assertEquals(1.0, TokenF1.f1(a, a, TokenF1.Variant.SQUAD_V1));
      assertEquals(1.0, TokenF1.f1(a, a + " ", TokenF1.Variant.MMRAREBENCH));
    }
  }

  /**
   * F1 is the reference's {@code Counter} intersection over the normalised tokens, whatever the
   * lengths: short lists are matched by marking used tokens, long ones (over 64 gold tokens, or a
   * product over 1,024) through a map.
   */
  @Property(tries = 500)
  void f1CountsTokensAsPythonsCounterDoes(@ForAll("tokenTexts") String gold, @ForAll("tokenTexts") String pred) {
    List<String> g = TokenF1.tokens(gold);
    List<String> p = TokenF1.tokens(pred);
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    g.forEach(t -> counts.merge(t, 1, Integer::sum));
    int same = 0;
    for (String t : p) {
      if (counts.getOrDefault(t, 0) > 0) {
        counts.merge(t, -1, Integer::sum);
        same++;
      }
    }
    double expected = same == 0 ? 0.0
        : 2 * ((double) same / p.size()) * ((double) same / g.size())
            / ((double) same / p.size() + (double) same / g.size());
    assertEquals(expected, TokenF1.f1(gold, pred, TokenF1.Variant.SQUAD_V1));
    assertEquals(String.join(" ", g), TokenF1.normalize(gold));
  }

  @Provide
  Arbitrary<String> tokenTexts() {
    return Arbitraries.of("gaucher", "disease", "type", "1", "the", "a", "X-linked", "syndrome,", "an", "Type")
        .list().ofMaxSize(150).map(l -> String.join(" ", l));
  }

  @Property
  void f1IsSymmetric(@ForAll("texts") String a, @ForAll("texts") String b) {
    assertEquals(TokenF1.f1(a, b, TokenF1.Variant.SQUAD_V1), TokenF1.f1(b, a, TokenF1.Variant.SQUAD_V1), 1e-15);
  }

  @Property
  void bothParsersAreTotal(@ForAll("texts") String reply) {
    for (Track t : Track.values()) {
      JudgeVerdict c = new CompatJudgeParser().parse(t, reply);
      assertTrue(c.score().isPresent());
      double s = c.score().getAsDouble();
      assertTrue(s >= 0 && s <= 1, () -> "compat score " + s);
      JudgeVerdict v = new StrictJudgeParser().parse(t, reply);
      assertTrue(v.score().isPresent() != v.unreadable().isPresent());
      v.score().ifPresent(x -> assertTrue(x >= 0 && x <= 1));
      v.score().ifPresent(x -> assertEquals(StrictJudgeParser.dimensions(t), v.dimensions().size()));
    }
  }

  @Property(tries = 50)
  void bootstrapIntervalContainsTheMeanAndIsReproducible(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1) Double> xs, @ForAll long seed) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Bootstrap b = new Bootstrap(2_000, seed, 0.95);
    Interval i = b.meanInterval(v);
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    assertTrue(i.low() <= mean + 1e-12 && mean - 1e-12 <= i.high(), () -> i + " vs mean " + mean);
    assertEquals(i, b.meanInterval(v));
  }
}
