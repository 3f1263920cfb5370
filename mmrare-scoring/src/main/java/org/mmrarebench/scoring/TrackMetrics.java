package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.internal.Reductions;

/**
 * The metrics of one track, as an ordered map ready for {@code metrics.json}: first the reference
 * scorer's keys with its exact values ({@code diagnosis_judge_score}, {@code diagnosis_f1} on
 * 0-100, {@code treatment_judge_score}, {@code crossmodal_judge_score}, {@code examination_judge_score},
 * {@code substring_match}, {@code n_total}), then ours under their own names: status counts,
 * standard errors, seeded bootstrap intervals and breakdowns by category, image count and ORPHA code.
 *
 * <p>In compat mode every item counts, failures as 0, as in the reference. In strict mode a judge
 * score is the mean over SCORED items only; the counts say how many were left out and why.
 *
 * @param track the track
 * @param mode compat or strict
 * @param fallback true when no judge was used
 * @param values the metrics, in output order; a NaN value means "undefined" (written as null)
 */
public record TrackMetrics(Track track, ScoringMode mode, boolean fallback, Map<String, Object> values) {
  /** Image-count buckets used by the breakdown. */
  public static final List<String> IMAGE_BUCKETS = List.of("1", "2-3", "4-5", "6+");

  /** Validates and copies. */
  public TrackMetrics {
    checkNotNull(track, "track");
    checkNotNull(mode, "mode");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The reference key of the headline metric: the judge score, or the fallback metric. */
  public String primaryKey() {
    return primaryKey(track, fallback);
  }

  /** The headline metric (judge score 0-1, {@code diagnosis_f1} 0-100 or {@code substring_match} 0-1). */
  public double primary() {
    return number(primaryKey());
  }

  /** A numeric value by key. */
  public double number(String key) {
    Object v = values.get(key);
    checkArgument(v instanceof Number, "no numeric metric '%s' in %s", key, values.keySet());
    return ((Number) v).doubleValue();
  }

  static String primaryKey(Track track, boolean fallback) {
    if (fallback) {
      return track == Track.DIAGNOSIS ? "diagnosis_f1" : "substring_match";
    }
    return track.folder() + "_judge_score";
  }

  /**
   * Computes the metrics of {@code results}, all of one track and one mode.
   *
   * @throws IllegalArgumentException when results mix tracks, modes or fallback and judge scoring
   */
  public static TrackMetrics compute(Track track, List<ItemResult> results, Bootstrap bootstrap) {
    ScoringMode mode = results.isEmpty() ? ScoringMode.COMPAT : results.get(0).mode();
    boolean fallback = !results.isEmpty() && results.get(0).fallback();
    for (ItemResult r : results) {
      checkArgument(r.track() == track, "result %s is not of track %s", r.id(), track);
      checkArgument(r.mode() == mode, "results mix modes (%s and %s)", mode, r.mode());
      checkArgument(r.fallback() == fallback || r.status() == ItemStatus.MODEL_ERROR,
          "results mix fallback and judge scoring (item %s)", r.id());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    String primary = primaryKey(track, fallback);
    if (!fallback) {
      double[] s = scores(results);
      m.put(primary, track == Track.DIAGNOSIS ? Reductions.numpyMean(s) : (s.length == 0 ? 0.0 : Reductions.pythonMean(s)));
    }
    if (track == Track.DIAGNOSIS) {
      m.put("diagnosis_f1", Reductions.numpyMean(f1s(results)) * 100);
    } else if (fallback) {
      m.put("substring_match", Reductions.pythonMean(scores(results)));
    }
    m.put("n_total", results.size());
    m.put("mode", mode.cliName());
    m.put("fallback", fallback);
    m.put("n_scored", count(results, ItemStatus.SCORED));
    m.put("n_unscored", count(results, ItemStatus.UNSCORED));
    m.put("n_judge_error", count(results, ItemStatus.JUDGE_ERROR));
    m.put("n_model_error", count(results, ItemStatus.MODEL_ERROR));
    List<String> keys = new ArrayList<>();
    keys.add(primary);
    if (track == Track.DIAGNOSIS && !primary.equals("diagnosis_f1")) {
      keys.add("diagnosis_f1");
    }
    for (String key : keys) {
      double[] v = key.equals("diagnosis_f1") ? f1s(results) : scores(results);
      double scale = key.equals("diagnosis_f1") ? 100 : 1;
      m.put(key + "_stderr", Bootstrap.standardError(v) * scale);
      Interval ci = bootstrap.meanInterval(v);
      m.put(key + "_ci" + Math.round(bootstrap.confidence() * 100), List.of(ci.low() * scale, ci.high() * scale));
    }
    m.put("bootstrap", Map.of("resamples", bootstrap.resamples(), "seed", bootstrap.seed(),
        "confidence", bootstrap.confidence()));
    Map<String, List<Double>> extra = new TreeMap<>();
    results.forEach(r -> r.scorers().forEach((k, v) -> extra.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
    extra.forEach((k, v) -> {
      double[] arr = v.stream().mapToDouble(Double::doubleValue).toArray();
      m.put(k, Reductions.pythonMean(arr));
      m.put(k + "_n", arr.length);
    });
    m.put("by_image_count", breakdown(results, r -> imageBucket(r.imageCount()), keys));
    if (track == Track.DIAGNOSIS) {
      m.put("by_category", breakdown(results, r -> r.category().isEmpty() ? "(none)" : r.category(), keys));
      m.put("by_orpha_code", breakdown(results, r -> r.orphaCode().isEmpty() ? "(none)" : r.orphaCode(), keys));
    }
    return new TrackMetrics(track, mode, fallback, m);
  }

  /** The bucket label of an image count: 1, 2-3, 4-5 or 6+ (0 counts as its own bucket, "0"). */
  public static String imageBucket(int n) {
    if (n <= 0) {
      return "0";
    }
    return n == 1 ? "1" : n <= 3 ? "2-3" : n <= 5 ? "4-5" : "6+";
  }

  private static Map<String, Object> breakdown(List<ItemResult> results, Function<ItemResult, String> key,
      List<String> metricKeys) {
    Map<String, List<ItemResult>> groups = new TreeMap<>();
    for (ItemResult r : results) {
      groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    groups.forEach((g, rs) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("n", rs.size());
      for (String k : metricKeys) {
        double[] v = k.equals("diagnosis_f1") ? f1s(rs) : scores(rs);
        row.put(k, v.length == 0 ? Double.NaN : Reductions.pythonMean(v) * (k.equals("diagnosis_f1") ? 100 : 1));
        row.put(k + "_n", v.length);
      }
      out.put(g, row);
    });
    return out;
  }

  /** The item scores that enter the mean: every present score (compat has one for every item). */
  static double[] scores(List<ItemResult> results) {
    return values(results, r -> r.score().getAsDouble(), true);
  }

  static double[] f1s(List<ItemResult> results) {
    return values(results, r -> r.f1().getAsDouble(), false);
  }

  private static double[] values(List<ItemResult> results, ToDoubleFunction<ItemResult> f, boolean score) {
    return results.stream()
        .filter(r -> score ? r.score().isPresent() : r.f1().isPresent())
        .mapToDouble(f)
        .toArray();
  }

  private static int count(List<ItemResult> results, ItemStatus s) {
    return (int) results.stream().filter(r -> r.status() == s).count();
  }
}
