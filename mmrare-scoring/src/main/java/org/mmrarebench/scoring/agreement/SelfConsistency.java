package org.mmrarebench.scoring.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Interval;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.StrictJudgeParser;

/**
 * A judge asked K times per item ({@code --judge-samples K}), measured: per rubric dimension the
 * agreement of its samples beyond chance (Fleiss' kappa, the samples as raters), the share of items
 * whose verdicts change from one sample to another, and an interval for the track's mean score that
 * includes the judge's own variance (a two-level bootstrap: items, then the judge's samples within
 * each item). Items where a sample is missing or unreadable are left out and counted.
 *
 * @param track the track
 * @param samples K
 * @param items items with every sample readable
 * @param incomplete items left out because a sample was missing or unreadable
 * @param fleissKappa per dimension, in rubric order
 * @param flipShare share of items whose verdicts differ between samples (0-1)
 * @param meanScore the mean over items of the mean of their samples' scores
 * @param interval the two-level bootstrap interval of that mean
 */
public record SelfConsistency(Track track, int samples, int items, int incomplete, List<Double> fleissKappa,
    double flipShare, double meanScore, Interval interval) {

  /** Copies. */
  public SelfConsistency {
    fleissKappa = List.copyOf(fleissKappa);
  }

  /** Per track, for the items of runs that recorded several judge samples; empty otherwise. */
  public static List<SelfConsistency> of(List<ItemResult> results, Bootstrap bootstrap) {
    Map<Track, List<List<List<Integer>>>> byTrack = new LinkedHashMap<>();
    Map<Track, Integer> incomplete = new LinkedHashMap<>();
    for (ItemResult r : results) {
      List<List<Integer>> s = r.sampleVerdicts();
      if (s.size() < 2) {
        continue;
      }
      if (s.stream().anyMatch(List::isEmpty)) {
        incomplete.merge(r.track(), 1, Integer::sum);
        byTrack.computeIfAbsent(r.track(), t -> new ArrayList<>());
      } else {
        byTrack.computeIfAbsent(r.track(), t -> new ArrayList<>()).add(s);
      }
    }
    List<SelfConsistency> out = new ArrayList<>();
    for (Track t : Track.values()) {
      List<List<List<Integer>>> items = byTrack.get(t);
      if (items == null) {
        continue;
      }
      int k = items.isEmpty() ? 0 : items.get(0).size();
      int dims = StrictJudgeParser.dimensions(t);
      List<Double> kappas = new ArrayList<>();
      for (int d = 0; d < dims && !items.isEmpty(); d++) {
        kappas.add(Agreement.fleissKappa(Agreement.ratingsOf(items, k, d)));
      }
      int flips = 0;
      double[][] scores = new double[items.size()][];
      double sum = 0;
      for (int i = 0; i < items.size(); i++) {
        List<List<Integer>> s = items.get(i);
        flips += s.stream().distinct().count() > 1 ? 1 : 0;
        scores[i] = s.stream().mapToDouble(v -> StrictJudgeParser.score(t, v)).toArray();
        sum += Arrays.stream(scores[i]).average().orElse(0);
      }
      out.add(new SelfConsistency(t, k, items.size(), incomplete.getOrDefault(t, 0), kappas,
          items.isEmpty() ? Double.NaN : flips / (double) items.size(),
          items.isEmpty() ? Double.NaN : sum / items.size(), twoLevel(scores, bootstrap)));
    }
    return out;
  }

  /** Resample items, then each drawn item's samples; the percentile interval of the replicate means. */
  static Interval twoLevel(double[][] scores, Bootstrap bootstrap) {
    int n = scores.length;
    if (n < 2) {
      return new Interval(Double.NaN, Double.NaN);
    }
    SplittableRandom rnd = new SplittableRandom(bootstrap.seed());
    double[] means = new double[bootstrap.resamples()];
    for (int r = 0; r < means.length; r++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        double[] item = scores[rnd.nextInt(n)];
        double s = 0;
        for (int j = 0; j < item.length; j++) {
          s += item[rnd.nextInt(item.length)];
        }
        total += s / item.length;
      }
      means[r] = total / n;
    }
    Arrays.sort(means);
    double alpha = 1 - bootstrap.confidence();
    return new Interval(Bootstrap.quantile(means, alpha / 2), Bootstrap.quantile(means, 1 - alpha / 2));
  }

}
