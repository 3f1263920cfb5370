package org.mmrarebench.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;

/**
 * Worked example: embedding mmrare in research code with your own model. Loads the treatment
 * track, asks a model adapter for every item, and scores the answers (without a judge this is the
 * reference's substring fallback; pass a judge to {@link Scoring.Builder#judge} for judge scores).
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** A stand-in for your model: answers with the images it was shown. Replace with a real one. */
  static final class EchoModel implements ModelAdapter {
    @Override
    public String name() {
      return "echo-model";
    }

    @Override
    public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
      return ModelResponse.of("I was shown " + prompt.images().size() + " images.", Duration.ZERO);
    }
  }

  /** Runs the example and returns the track metrics. */
  public static TrackMetrics run(ModelAdapter model) {
    Benchmark plans = Benchmark.load().track(Track.TREATMENT);
    List<Prediction> predictions = new ArrayList<>();
    for (BenchmarkItem item : plans) {
      Prompt prompt = Prompts.reference(item);
      predictions.add(Prediction.of(item.id(), model.generate(prompt, GenerationSettings.defaults()).text()));
    }
    List<ItemResult> results = Scoring.builder().mode(ScoringMode.STRICT).build()
        .score(plans, Track.TREATMENT, predictions);
    return TrackMetrics.compute(Track.TREATMENT, results, Bootstrap.DEFAULT);
  }

  /** Prints the headline metric for the echo model. */
  public static void main(String[] args) {
    TrackMetrics m = run(new EchoModel());
    System.out.println(m.primaryKey() + " = " + m.primary() + " over " + m.counts().total() + " items");
  }
}
