package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;

/**
 * Runs a model over a benchmark and scores every answer: the reference prompt for each item,
 * bounded concurrency, a model failure recorded as {@link ItemStatus#MODEL_ERROR} (never a wrong
 * answer in strict mode), then {@link Scoring} and per-track {@link TrackMetrics}.
 *
 * <pre>{@code
 * EvaluationResult r = Evaluation.builder().model(myAdapter).scoring(Scoring.builder().build()).build().run(bench);
 * }</pre>
 */
public final class Evaluation {
  private final ModelAdapter model;
  private final Scoring scoring;
  private final int concurrency;
  private final GenerationSettings settings;
  private final Bootstrap bootstrap;

  private Evaluation(Builder b) {
    this.model = b.model;
    this.scoring = b.scoring;
    this.concurrency = b.concurrency;
    this.settings = b.settings;
    this.bootstrap = b.bootstrap;
  }

  /** A builder; a model is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs every item of {@code bench}; results keep the benchmark's order. */
  public EvaluationResult run(Benchmark bench) {
    Instant start = Instant.now();
    AtomicLong promptTokens = new AtomicLong();
    AtomicLong completionTokens = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "mmrare-eval");
      t.setDaemon(true);
      return t;
    });
    List<ItemResult> results = new ArrayList<>(bench.size());
    try {
      List<Future<ItemResult>> futures = new ArrayList<>(bench.size());
      for (BenchmarkItem item : bench) {
        futures.add(pool.submit(() -> {
          Prediction p;
          try {
            ModelResponse resp = model.generate(Prompts.reference(item), settings);
            resp.promptTokens().ifPresent(promptTokens::addAndGet);
            resp.completionTokens().ifPresent(completionTokens::addAndGet);
            p = Prediction.of(item.index(), resp.text());
          } catch (RuntimeException e) {
            p = Prediction.failed(item.index(), e.getClass().getSimpleName() + ": " + e.getMessage());
          }
          return scoring.scoreItem(item, p);
        }));
      }
      for (Future<ItemResult> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException("The evaluation was interrupted after " + results.size() + " items.", e);
    } catch (ExecutionException e) {
      throw new MmrareException("Scoring failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Map<Track, TrackMetrics> metrics = new EnumMap<>(Track.class);
    for (Track t : bench.tracks()) {
      metrics.put(t, TrackMetrics.compute(t, results.stream().filter(r -> r.track() == t).toList(), bootstrap));
    }
    return new EvaluationResult(results, metrics, start, Instant.now(), promptTokens.get(), completionTokens.get());
  }

  /** Settings for an {@link Evaluation}. */
  public static final class Builder {
    private ModelAdapter model;
    private Scoring scoring = Scoring.builder().build();
    private int concurrency = 8;
    private GenerationSettings settings = GenerationSettings.defaults();
    private Bootstrap bootstrap = Bootstrap.DEFAULT;

    private Builder() {}

    /** The model under evaluation. */
    public Builder model(ModelAdapter model) {
      this.model = checkNotNull(model, "model");
      return this;
    }

    /** How answers are scored (default: compat, no judge, i.e. the reference fallback). */
    public Builder scoring(Scoring scoring) {
      this.scoring = checkNotNull(scoring, "scoring");
      return this;
    }

    /** How many items run at once (default 8). */
    public Builder concurrency(int n) {
      checkArgument(n >= 1, "concurrency must be >= 1, was %s", n);
      this.concurrency = n;
      return this;
    }

    /** Generation settings passed to the model and recorded. */
    public Builder settings(GenerationSettings settings) {
      this.settings = checkNotNull(settings, "settings");
      return this;
    }

    /** Bootstrap settings for the intervals. */
    public Builder bootstrap(Bootstrap bootstrap) {
      this.bootstrap = checkNotNull(bootstrap, "bootstrap");
      return this;
    }

    /** The evaluation. */
    public Evaluation build() {
      checkState(model != null, "a model is required: call model(...) before build()");
      return new Evaluation(this);
    }
  }
}
