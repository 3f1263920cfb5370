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
 */
public record EvaluationResult(List<ItemResult> items, Map<Track, TrackMetrics> metrics, Instant start, Instant end,
    long promptTokens, long completionTokens) {

  /** Copies. */
  public EvaluationResult {
    items = List.copyOf(items);
    metrics = Map.copyOf(metrics);
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
      double v = m.primary() / (m.primaryKey().equals("diagnosis_f1") ? 100 : 1);
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
        tracks.put(t.folder(), m.values());
      }
    }
    out.put("tracks", tracks);
    out.put("mmrare_macro_mean", macroMean());
    out.put("mmrare_macro_mean_note", "ours, not the paper's: unweighted mean of each track's headline metric on 0-1"
        + " (judge score; in fallback runs diagnosis_f1/100 and substring_match)");
    return out;
  }
}
