package org.mmrarebench.examples;

import java.nio.file.Path;
import java.util.List;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.PredictionsReader;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ReplayJudge;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;

/**
 * Worked example: re-scoring a finished run offline from recorded judge replies, in both modes,
 * without calling any judge. The replies file holds {@code {"index", "reply"}} lines.
 */
public final class RescoreExample {
  private RescoreExample() {}

  /** The compat and strict metrics of {@code track} for recorded predictions and judge replies. */
  public static List<TrackMetrics> rescore(Benchmark bench, Track track, Path predictions, Path replies) {
    List<Prediction> preds = PredictionsReader.read(predictions, track);
    ReplayJudge judge = ReplayJudge.read(replies);
    List<ItemResult> compat = Scoring.builder().mode(ScoringMode.COMPAT).judge(judge).build()
        .score(bench, track, preds);
    List<ItemResult> strict = Scoring.builder().mode(ScoringMode.STRICT).judge(judge).build()
        .score(bench, track, preds);
    return List.of(TrackMetrics.compute(track, compat, Bootstrap.DEFAULT),
        TrackMetrics.compute(track, strict, Bootstrap.DEFAULT));
  }
}
