package org.mmrarebench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.data.ReleaseReader;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.run.ResponseCache;

/**
 * The runner at the paper's scale: a simulated model answering after 50 ms, concurrency 32, over a
 * fixture written by {@code mmrare fixture}; prints the cold run's wall time against the ideal
 * N x 50 ms / 32, and a rerun with a warm cache as a share of the cold run.
 * Run: {@code java -cp mmrare-benchmarks/target/benchmarks.jar org.mmrarebench.benchmarks.RunnerScaleCheck /tmp/fx}.
 */
public final class RunnerScaleCheck {
  private RunnerScaleCheck() {}

  /** A model that reads its images, waits 50 ms and answers. */
  static final class SleepModel implements ModelAdapter {
    @Override
    public String name() {
      return "sleep-50ms";
    }

    @Override
    public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ModelResponse.of("answer " + prompt.images().size(), Duration.ofMillis(50));
    }
  }

  /** Runs the check on the fixture at {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Benchmark bench = ReleaseReader.strict().read(Path.of(args[0])).benchmark();
    Path work = Files.createTempDirectory("mmrare-runner-check");
    ResponseCache cache = new ResponseCache(work.resolve("cache"));
    double ideal = bench.size() * 0.050 / 32;
    long t0 = System.nanoTime();
    EvaluationResult cold = Evaluation.builder().model(new SleepModel()).concurrency(32).cache(cache)
        .journal(work.resolve("cold/journal.jsonl")).build().run(bench);
    double coldS = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    EvaluationResult warm = Evaluation.builder().model(new SleepModel()).concurrency(32).cache(cache)
        .journal(work.resolve("warm/journal.jsonl")).build().run(bench);
    double warmS = (System.nanoTime() - t1) / 1e9;
    // A second cold run in the same JVM (fresh cache and journal) shows how much of the first run's
    // overhead is the JVM warming up (class loading, JIT), a one-time cost that long runs amortise.
    long t2 = System.nanoTime();
    Evaluation.builder().model(new SleepModel()).concurrency(32).cache(new ResponseCache(work.resolve("cache2")))
        .journal(work.resolve("cold2/journal.jsonl")).build().run(bench);
    double cold2S = (System.nanoTime() - t2) / 1e9;
    System.out.printf(Locale.ROOT, "items %d; ideal %.3f s; cold %.3f s (ratio %.3f); warm %.3f s (%.1f %% of cold;"
        + " cache hits %d); cold again in a warmed-up JVM %.3f s (ratio %.3f)%n", cold.items().size(), ideal, coldS,
        coldS / ideal, warmS, 100 * warmS / coldS, warm.cacheHits(), cold2S, cold2S / ideal);
  }
}
