package org.mmrarebench.scoring.orphanet;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.orphanet.OrphaMatch;
import org.mmrarebench.data.orphanet.Orphanet;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.Scorer;
import org.mmrarebench.scoring.ScorerProvider;

/**
 * The ontology-aware diagnosis metric as two scorers, reported beside the judge score:
 * {@code diagnosis_orpha_exact} (the prediction names the gold ORPHA entry, by label or synonym)
 * and {@code diagnosis_orpha_related} (exact, broader, narrower or sibling). Each item is annotated
 * with {@code orpha_match} and the codes its prediction maps to.
 */
public final class OrphanetScorers implements ScorerProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public OrphanetScorers() {}

  @Override
  public List<Scorer> scorers() {
    return List.of(new MatchScorer("orpha_exact", false), new MatchScorer("orpha_related", true));
  }

  private record MatchKey(org.mmrarebench.core.OrphaCode gold, String prediction) {}

  /**
   * Matches already made: runs repeat the same answers, and each item asks three times (two scorers
   * and the annotation). A plain concurrent map, emptied when it reaches 100,000 entries: an LRU
   * cache's bookkeeping on every read cost more than the matches it saved.
   */
  private static final java.util.concurrent.ConcurrentHashMap<MatchKey, OrphaMatch> MATCHES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_MATCHES = 100_000;

  private static OrphaMatch matchOf(MatchKey key) {
    OrphaMatch m = MATCHES.get(key);
    if (m != null) {
      return m;
    }
    if (MATCHES.size() >= MAX_MATCHES) {
      MATCHES.clear();
    }
    return MATCHES.computeIfAbsent(key, k -> OrphaMatch.of(Orphanet.bundled(), k.gold(), k.prediction()));
  }

  private static final class MatchScorer implements Scorer {
    private final String name;
    private final boolean related;

    MatchScorer(String name, boolean related) {
      this.name = name;
      this.related = related;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<Track> tracks() {
      return EnumSet.of(Track.DIAGNOSIS);
    }

    @Override
    public String metricKey(Track track) {
      return "diagnosis_" + name;
    }

    private static java.util.Optional<OrphaMatch> match(BenchmarkItem item, String prediction) {
      if (!(item instanceof DiagnosisItem d) || d.orphaCode().isEmpty()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(matchOf(new MatchKey(d.orphaCode().get(), prediction)));
    }

    private static final OptionalDouble HIT = OptionalDouble.of(1.0);
    private static final OptionalDouble MISS = OptionalDouble.of(0.0);

    @Override
    public OptionalDouble score(BenchmarkItem item, String prediction) {
      java.util.Optional<OrphaMatch> m = match(item, prediction);
      if (m.isEmpty()) {
        return OptionalDouble.empty();
      }
      OrphaMatch.Outcome o = m.get().outcome();
      return (related ? o.related() : o == OrphaMatch.Outcome.EXACT) ? HIT : MISS;
    }

    @Override
    public Map<String, String> annotate(BenchmarkItem item, String prediction) {
      if (related) {
        return Map.of();
      }
      return match(item, prediction).map(m -> Map.of("orpha_match", m.outcome().label(), "orpha_codes",
          codes(m))).orElse(Map.of());
    }

    private static String codes(OrphaMatch m) {
      StringBuilder sb = new StringBuilder();
      for (Object code : m.mapped()) {
        sb.append(sb.length() == 0 ? "" : " ").append(code);
      }
      return sb.toString();
    }
  }

  /**
   * Agreement of the ontology match with the judge's diagnosis dimensions 1 (exact diagnosis ~
   * orpha exact) and 2 (correct category ~ orpha related): percent agreement and Cohen's kappa over
   * items with per-dimension verdicts (strict mode) and an ORPHA match.
   */
  public static Map<String, Object> judgeAgreement(List<ItemResult> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dimension_1_vs_orpha_exact", agreement(results, 0, "diagnosis_orpha_exact"));
    out.put("dimension_2_vs_orpha_related", agreement(results, 1, "diagnosis_orpha_related"));
    return out;
  }

  private static Map<String, Object> agreement(List<ItemResult> results, int dim, String key) {
    int n = 0;
    int[][] table = new int[2][2];
    for (ItemResult r : results) {
      Double o = r.scorers().get(key);
      if (r.track() == Track.DIAGNOSIS && r.verdicts().size() == 3 && o != null) {
        table[r.verdicts().get(dim)][o.intValue()]++;
        n++;
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", n);
    if (n == 0) {
      m.put("agreement", Double.NaN);
      m.put("cohen_kappa", Double.NaN);
      return m;
    }
    double po = (table[0][0] + table[1][1]) / (double) n;
    double pJudgeYes = (table[1][0] + table[1][1]) / (double) n;
    double pOrphaYes = (table[0][1] + table[1][1]) / (double) n;
    double pe = pJudgeYes * pOrphaYes + (1 - pJudgeYes) * (1 - pOrphaYes);
    m.put("agreement", po);
    m.put("cohen_kappa", pe == 1 ? Double.NaN : (po - pe) / (1 - pe));
    return m;
  }
}
