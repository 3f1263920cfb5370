package org.mmrarebench.scoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmrarebench.core.Track;

/**
 * What an evaluation produced.
 *
 * @param items every item result, in benchmark order
 * @param metrics per-track metrics
 * @param start when the run started
 * @param end when it ended
 * @param promptTokens prompt tokens reported by the model (0 when it reports none)
 * @param completionTokens completion tokens reported by the model
 * @param cacheHits cache lookups that found a response
 * @param cacheMisses cache lookups that found none
 * @param journalDropped torn journal lines dropped when resuming
 * @param resumedGenerations generations taken from the journal instead of the model
 */
public record EvaluationResult(List<ItemResult> items, Map<Track, TrackMetrics> metrics, Instant start, Instant end,
    long promptTokens, long completionTokens, long cacheHits, long cacheMisses, int journalDropped,
    int resumedGenerations) {

  /** Copies; {@link #metrics()} iterates in track order. */
  public EvaluationResult {
    items = List.copyOf(items);
    java.util.EnumMap<Track, TrackMetrics> ordered = new java.util.EnumMap<>(Track.class);
    ordered.putAll(metrics);
    metrics = java.util.Collections.unmodifiableMap(ordered);
  }

  /** Per-track metrics of {@code items} (tracks in declaration order). */
  public static Map<Track, TrackMetrics> metricsOf(List<ItemResult> items, Bootstrap bootstrap) {
    // Tracks are independent (each bootstrap has its own seeded generator): compute them in parallel.
    Map<Track, TrackMetrics> out = new java.util.EnumMap<>(Track.class);
    java.util.Arrays.stream(Track.values()).parallel()
        .map(t -> items.stream().filter(r -> r.track() == t).toList())
        .filter(ti -> !ti.isEmpty())
        .map(ti -> TrackMetrics.compute(ti.get(0).track(), ti, bootstrap))
        .toList()
        .forEach(m -> out.put(m.track(), m));
    return out;
  }

  /**
   * Our overall figure, which the paper does not report: the unweighted mean over tracks of each
   * track's headline metric on a 0-1 scale (judge scores; for fallback runs diagnosis F1 / 100 and
   * substring_match). NaN when no track has a value.
   */
  public double macroMean() {
    double s = 0;
    int n = 0;
    for (TrackMetrics m : metrics.values()) {
      double v = m.unitPrimary();
      if (Double.isFinite(v)) {
        s += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** The run's {@code metrics.json}: per-track metrics keyed by track folder, then our macro mean. */
  public Map<String, Object> toMetricsMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> tracks = new LinkedHashMap<>();
    for (Track t : Track.values()) {
      TrackMetrics m = metrics.get(t);
      if (m != null) {
        tracks.put(t.folder(), m.toMap());
      }
    }
    out.put("tracks", tracks);
    out.put("mmrare_macro_mean", macroMean());
    out.put("mmrare_macro_mean_note", "ours, not the paper's: unweighted mean of each track's headline metric on 0-1"
        + " (judge score; in fallback runs diagnosis_f1/100 and substring_match)");
    return out;
  }
}
