package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.internal.Reductions;

/**
 * The metrics of one track, typed: the headline {@link Estimate} (judge score, or in a fallback run
 * the reference's fallback metric), diagnosis F1, status counts, every scorer's mean with its
 * interval, and breakdowns by image count (and for diagnosis by category and ORPHA code).
 * {@link #toMap()} gives {@code metrics.json}'s object for the track: first the reference scorer's
 * keys with its exact values ({@code diagnosis_judge_score}, {@code diagnosis_f1} on 0-100,
 * {@code treatment_judge_score}, ..., {@code substring_match}, {@code n_total}), then ours.
 *
 * <p>In compat mode every item counts, failures as 0, as in the reference. In strict mode a judge
 * score is the mean over SCORED items only; the counts say how many were left out and why.
 *
 * @param track the track
 * @param mode compat or strict
 * @param fallback true when no judge was used
 * @param headline the headline metric
 * @param f1 diagnosis token F1 on 0-100 (diagnosis only; the headline itself in a fallback run)
 * @param counts items by status
 * @param scorers each extra scorer's mean over the items it scored, by result name
 * @param breakdowns groups by {@code by_image_count}, {@code by_category}, {@code by_orpha_code}
 * @param bootstrap the interval settings
 */
public record TrackMetrics(Track track, ScoringMode mode, boolean fallback, Estimate headline, Optional<Estimate> f1,
    StatusCounts counts, Map<String, Estimate> scorers, Map<String, List<Group>> breakdowns, Bootstrap bootstrap) {
  /** Below this many values an estimate or a breakdown group is flagged as small ({@code small_n}). */
  public static final int SMALL_N = 10;

  /** Image-count buckets used by the breakdown. */
  public static final List<String> IMAGE_BUCKETS = List.of("1", "2-3", "4-5", "6+");

  /**
   * One group of a breakdown.
   *
   * @param label the group, for example {@code 2-3} or {@code Rare neurologic disease}
   * @param n items in the group
   * @param metrics the group's mean of each reported metric, by key
   */
  public record Group(String label, int n, Map<String, GroupValue> metrics) {
    /** Copies. */
    public Group {
      checkNotNull(label, "label");
      metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  /**
   * A metric's mean within a group.
   *
   * @param value the mean on the reported scale (NaN when no item of the group has a value)
   * @param n how many items have a value
   */
  public record GroupValue(double value, int n) {}

  /** Validates and copies. */
  public TrackMetrics {
    checkNotNull(track, "track");
    checkNotNull(mode, "mode");
    checkNotNull(headline, "headline");
    checkNotNull(f1, "f1");
    checkNotNull(counts, "counts");
    checkNotNull(bootstrap, "bootstrap");
    scorers = java.util.Collections.unmodifiableMap(new TreeMap<>(scorers));
    Map<String, List<Group>> b = new LinkedHashMap<>();
    breakdowns.forEach((k, v) -> b.put(k, List.copyOf(v)));
    breakdowns = java.util.Collections.unmodifiableMap(b);
  }

  /** The reference key of the headline metric: the judge score, or the fallback metric. */
  public String primaryKey() {
    return headline.key();
  }

  /** The headline value (judge score 0-1, {@code diagnosis_f1} 0-100 or {@code substring_match} 0-1). */
  public double primary() {
    return headline.value();
  }

  /** The headline value on a 0-1 scale (diagnosis F1 divided by 100). */
  public double unitPrimary() {
    return headline.value() / headline.scale();
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
    // plain loops here and below: 100,000 results are common, and this runs on a cold JVM
    for (ItemResult r : results) {
      if (r.track() != track) {
        throw new IllegalArgumentException("result " + r.id() + " is not of track " + track);
      }
      if (r.mode() != mode) {
        throw new IllegalArgumentException("results mix modes (" + mode + " and " + r.mode() + ")");
      }
      if (r.fallback() != fallback && r.status() != ItemStatus.MODEL_ERROR) {
        throw new IllegalArgumentException("results mix fallback and judge scoring (item " + r.id() + ")");
      }
    }
    Optional<Estimate> f1 = Optional.empty();
    if (track == Track.DIAGNOSIS) {
      double[] v = f1s(results);
      f1 = Optional.of(Estimate.of("diagnosis_f1", Reductions.numpyMean(v) * 100, 100, v, bootstrap));
    }
    Estimate headline;
    if (fallback && track == Track.DIAGNOSIS) {
      headline = f1.get();
    } else {
      double[] s = scores(results);
      double mean;
      if (fallback) {
        mean = Reductions.pythonMean(s);
      } else {
        mean = track == Track.DIAGNOSIS ? Reductions.numpyMean(s) : (s.length == 0 ? 0.0 : Reductions.pythonMean(s));
      }
      headline = Estimate.of(primaryKey(track, fallback), mean, 1, s, bootstrap);
    }
    Map<String, double[]> extra = new TreeMap<>();
    Map<String, Integer> filled = new java.util.HashMap<>();
    for (ItemResult r : results) {
      for (Map.Entry<String, Double> e : r.scorers().entrySet()) {
        double[] arr = extra.computeIfAbsent(e.getKey(), x -> new double[results.size()]);
        int n = filled.merge(e.getKey(), 1, Integer::sum);
        arr[n - 1] = e.getValue();
      }
    }
    Map<String, Estimate> scorers = new TreeMap<>();
    extra.forEach((k, all) -> {
      double[] arr = java.util.Arrays.copyOf(all, filled.get(k));
      scorers.put(k, Estimate.of(k, Reductions.pythonMean(arr), 1, arr, bootstrap));
    });
    List<String> keys = new ArrayList<>();
    keys.add(headline.key());
    if (track == Track.DIAGNOSIS && !headline.key().equals("diagnosis_f1")) {
      keys.add("diagnosis_f1");
    }
    Map<String, List<Group>> breakdowns = new LinkedHashMap<>();
    breakdowns.put("by_image_count", breakdown(results, r -> imageBucket(r.imageCount()), keys));
    if (track == Track.DIAGNOSIS) {
      breakdowns.put("by_category", breakdown(results, r -> r.category().isEmpty() ? "(none)" : r.category(), keys));
      breakdowns.put("by_orpha_code", breakdown(results, r -> r.orphaCode().isEmpty() ? "(none)" : r.orphaCode(),
          keys));
    }
    return new TrackMetrics(track, mode, fallback, headline, f1, StatusCounts.of(results), scorers, breakdowns,
        bootstrap);
  }

  /**
   * The track's object in {@code metrics.json}, in output order; a NaN value means "undefined"
   * (written as null). The reference's keys carry its exact values.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!fallback) {
      m.put(headline.key(), headline.value());
    }
    if (track == Track.DIAGNOSIS) {
      m.put("diagnosis_f1", f1.orElseThrow().value());
    } else if (fallback) {
      m.put(headline.key(), headline.value());
    }
    m.put("n_total", counts.total());
    m.put("mode", mode.cliName());
    m.put("fallback", fallback);
    m.put("n_scored", counts.scored());
    m.put("n_unscored", counts.unscored());
    m.put("n_judge_error", counts.judgeErrors());
    m.put("n_model_error", counts.modelErrors());
    List<Estimate> shown = new ArrayList<>();
    shown.add(headline);
    if (track == Track.DIAGNOSIS && headline != f1.orElseThrow()) {
      shown.add(f1.get());
    }
    String ci = "_ci" + Math.round(bootstrap.confidence() * 100);
    for (Estimate e : shown) {
      m.put(e.key() + "_stderr", e.standardError());
      m.put(e.key() + ci, List.of(e.interval().low(), e.interval().high()));
      m.put(e.key() + "_ci_method", e.intervalMethod().label());
      if (e.smallN()) {
        m.put(e.key() + "_small_n", true);
      }
    }
    m.put("bootstrap", Map.of("resamples", bootstrap.resamples(), "seed", bootstrap.seed(),
        "confidence", bootstrap.confidence()));
    scorers.forEach((k, e) -> {
      m.put(k, e.value());
      m.put(k + "_n", e.n());
    });
    breakdowns.forEach((name, groups) -> {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Group g : groups) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", g.n());
        if (g.n() < SMALL_N) {
          row.put("small_n", true);
        }
        g.metrics().forEach((k, v) -> {
          row.put(k, v.value());
          row.put(k + "_n", v.n());
        });
        out.put(g.label(), row);
      }
      m.put(name, out);
    });
    return m;
  }

  /** The bucket label of an image count: 1, 2-3, 4-5 or 6+ (0 counts as its own bucket, "0"). */
  public static String imageBucket(int n) {
    if (n <= 0) {
      return "0";
    }
    return n == 1 ? "1" : n <= 3 ? "2-3" : n <= 5 ? "4-5" : "6+";
  }

  private static List<Group> breakdown(List<ItemResult> results, Function<ItemResult, String> key,
      List<String> metricKeys) {
    Map<String, List<ItemResult>> groups = new TreeMap<>();
    for (ItemResult r : results) {
      groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    }
    List<Group> out = new ArrayList<>(groups.size());
    groups.forEach((g, rs) -> {
      Map<String, GroupValue> row = new LinkedHashMap<>();
      for (String k : metricKeys) {
        double[] v = k.equals("diagnosis_f1") ? f1s(rs) : scores(rs);
        row.put(k, new GroupValue(v.length == 0 ? Double.NaN
            : Reductions.pythonMean(v) * (k.equals("diagnosis_f1") ? 100 : 1), v.length));
      }
      out.add(new Group(g, rs.size(), row));
    });
    return out;
  }

  /** The item scores that enter the mean: every present score (compat has one for every item). */
  static double[] scores(List<ItemResult> results) {
    return values(results, true);
  }

  static double[] f1s(List<ItemResult> results) {
    return values(results, false);
  }

  private static double[] values(List<ItemResult> results, boolean score) {
    double[] out = new double[results.size()];
    int n = 0;
    for (ItemResult r : results) {
      java.util.OptionalDouble v = score ? r.score() : r.f1();
      if (v.isPresent()) {
        out[n++] = v.getAsDouble();
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
