package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.baseline.OfflineBaselineModel;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Estimate;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.Interval;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.JudgeModel;
import org.mmrarebench.scoring.JudgePanel;
import org.mmrarebench.scoring.ScorerRegistry;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.agreement.PanelAgreement;
import org.mmrarebench.scoring.agreement.SelfConsistency;
import org.mmrarebench.scoring.openai.OpenAiChatClient;
import org.mmrarebench.scoring.run.ProgressBar;
import org.mmrarebench.scoring.run.ResponseCache;
import org.mmrarebench.scoring.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmrare evaluate}: runs a model over the benchmark and scores it, resumably. With no
 * options: the embedded sample, all four tracks, the offline baseline model, no judge.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Run a model over the benchmark and score it. With no options: the embedded sample, all four"
        + " tracks, the offline baseline model, no judge (the reference fallback, labelled) plus the Orphanet metric."
        + " Running again on the same --out resumes, skipping finished work.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--track", defaultValue = "all", paramLabel = "TRACK",
      description = "diagnosis, treatment, crossmodal, examination or all (default: ${DEFAULT-VALUE}).") String track;
  @Option(names = "--base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint of the model, for"
      + " example http://localhost:8000/v1 (default: the offline baseline model, no server).") String baseUrl;
  @Option(names = "--model", paramLabel = "NAME", description = "Model name sent to --base-url.") String modelName;
  @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the model's"
      + " API key (the key is never written anywhere).") String apiKeyEnv;
  @Option(names = "--judge-base-url", paramLabel = "URL", description = "OpenAI-compatible endpoint of the judge"
      + " (default: no judge, the labelled reference fallback).") String judgeBaseUrl;
  @Option(names = "--judge-model", paramLabel = "NAME", description = "Judge model name sent to --judge-base-url.")
  String judgeModel;
  @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "Environment variable holding the"
      + " judge's API key.") String judgeApiKeyEnv;
  @Option(names = "--judge", paramLabel = "URL,MODEL[,VAR]", description = "A judge of a panel (repeat for each,"
      + " at least two): its OpenAI-compatible endpoint, model name and, optionally, the variable holding its key."
      + " The panel's verdict per dimension is the majority of its judges'.") List<String> panel = new java.util.ArrayList<>();
  @Option(names = "--judge-samples", paramLabel = "K", defaultValue = "1", description = "Ask the judge K times per"
      + " item to measure its self-consistency (Fleiss' kappa, flips, an interval with judge variance); the score"
      + " stays the first reply's (default: ${DEFAULT-VALUE}).") int judgeSamples;
  @Option(names = "--judge-temperature", paramLabel = "T", description = "Judge sampling temperature, 0 to 2"
      + " (default: 0); above 0 for --judge-samples, or rely on the seeds each sample sends.") Double judgeTemperature;
  @Option(names = "--mode", defaultValue = "compat", paramLabel = "MODE", converter = ModeConverter.class,
      description = "compat (the reference, quirks included) or strict (default: ${DEFAULT-VALUE}).") ScoringMode mode;
  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Items in flight at once (default: ${DEFAULT-VALUE}).") int concurrency;
  @Option(names = "--rps", paramLabel = "R", description = "Requests per second ceiling per endpoint (default: no"
      + " ceiling).") Double rps;
  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "6",
      description = "Attempts per request, the first included (default: ${DEFAULT-VALUE}).") int maxAttempts;
  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "120",
      description = "Timeout of one whole exchange, body included, in seconds (default: ${DEFAULT-VALUE}).")
  int timeoutS;
  @Option(names = "--max-images", paramLabel = "N", defaultValue = "64", description = "Refuse, before sending, a"
      + " prompt with more images (default: ${DEFAULT-VALUE}).") int maxImages;
  @Option(names = "--max-payload-mb", paramLabel = "MB", defaultValue = "50", description = "Refuse, before"
      + " sending, a larger request (default: ${DEFAULT-VALUE}).") int maxPayloadMb;
  @Option(names = "--header", paramLabel = "NAME=VALUE", description = "Extra HTTP header, repeatable; not for the"
      + " API key.") List<String> extraHeaders = new java.util.ArrayList<>();
  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature sent to the model, 0 to 2"
      + " (default: the server's).") Double temperature;
  @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer, in tokens (default: the"
      + " server's).") Integer maxTokens;
  @Option(names = "--gen-seed", paramLabel = "SEED", description = "Sampling seed sent to the model (default:"
      + " none).") Long genSeed;
  @Option(names = "--shard", paramLabel = "I/N", description = "Run part I of N (0-based); auto/N takes I from"
      + " SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) or JOB_COMPLETION_INDEX.") String shard;
  @Option(names = "--cache", paramLabel = "DIR", description = "Response cache directory, shareable between runs"
      + " (default: none).") Path cacheDir;
  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).") int resamples;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--out", paramLabel = "DIR", description = "Run directory; the same command on the same"
      + " directory resumes (default: runs/<model>-<time>).") Path out;
  @Option(names = "--quiet", description = "No progress on stderr.") boolean quiet;
  @Option(names = "--allow-errors", description = "Exit 0 even when items end in MODEL_ERROR or JUDGE_ERROR"
      + " (default: exit 3).") boolean allowErrors;
  @Option(names = "--wait-for-lock", paramLabel = "S", defaultValue = "0", description = "Seconds to wait for"
      + " another process holding the run directory (default: ${DEFAULT-VALUE}, stop at once).") int waitForLockS;
  @Option(names = "--max-retry-wait-s", paramLabel = "S", defaultValue = "30", description = "Longest Retry-After"
      + " wait honoured; a server asking for more fails that call (default: ${DEFAULT-VALUE}).") int maxRetryWaitS;
  @Option(names = "--max-response-mb", paramLabel = "MB", defaultValue = "32", description = "Largest response"
      + " body read; a larger one fails that call (default: ${DEFAULT-VALUE}).") int maxResponseMb;
  @Spec CommandSpec spec;

  /** Where environment variables come from (tests replace it). */
  static Function<String, String> env = System::getenv;

  @Override
  public Integer call() {
    if (track.equalsIgnoreCase("all") || Track.parse(track) == Track.DIAGNOSIS) {
      Prewarm.orphanet();
    }
    Benchmark bench = track.equalsIgnoreCase("all") ? data.load() : data.load(Track.parse(track));
    Prewarm.fingerprint(bench);
    Optional<int[]> sh = shard == null ? Optional.empty() : Optional.of(parseShard(shard));
    if (sh.isPresent()) {
      bench = bench.shard(sh.get()[0], sh.get()[1]);
    }
    ScoringMode m = mode;
    ModelAdapter model = model();
    Optional<JudgeModel> judge = judge();
    GenerationSettings settings = settings();
    Path dir = out != null ? out : Path.of("runs", model.name().replaceAll("[^A-Za-z0-9._-]+", "_") + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Bootstrap bootstrap = new Bootstrap(resamples, seed, 0.95);
    Map<String, Object> identity = RunDirectory.identity(bench,
        track.equalsIgnoreCase("all") ? "all" : Track.parse(track).folder(), model.name(),
        judge.map(j -> j.name() + (judgeSamples > 1 ? " x" + judgeSamples + " samples" : "")), m, settings, sh,
        bootstrap);
    PrintWriter err = spec.commandLine().getErr();
    try (RunDirectory run = RunDirectory.open(dir, identity, Duration.ofSeconds(waitForLockS))) {
      ScorerRegistry registry = ScorerRegistry.discover();
      Scoring scoring = Scoring.builder().mode(m).judge(judge).judgeSamples(judgeSamples)
          .scorers(List.of(registry.get("orpha_exact"), registry.get("orpha_related"))).build();
      Evaluation.Builder eb = Evaluation.builder().model(model).scoring(scoring).concurrency(concurrency)
          .settings(settings).bootstrap(bootstrap).journal(run.journal())
          .warnings(w -> err.println("mmrare WARNING: " + w));
      if (cacheDir != null) {
        eb.cache(new ResponseCache(cacheDir, w -> err.println("mmrare WARNING: " + w)));
      }
      if (!quiet) {
        eb.progress(ProgressBar.stderr());
      }
      EvaluationResult r;
      try {
        r = eb.build().run(bench);
      } catch (RuntimeException e) {
        run.failed(e);
        throw e;
      }
      run.complete(r, bootstrap);
      print(spec.commandLine().getOut(), bench, model.name(), judge, r, dir);
      printConsistency(spec.commandLine().getOut(), r, bootstrap);
      printPanel(spec.commandLine().getOut(), r);
      return errorSummary(err, r);
    }
  }

  /** Exit code 3 when items ended in MODEL_ERROR or JUDGE_ERROR (unless --allow-errors), with the first causes. */
  private int errorSummary(PrintWriter err, EvaluationResult r) {
    List<ItemResult> failed = r.items().stream()
        .filter(i -> i.status() == ItemStatus.MODEL_ERROR || i.status() == ItemStatus.JUDGE_ERROR).toList();
    if (failed.isEmpty()) {
      return 0;
    }
    Map<String, Long> causes = new LinkedHashMap<>();
    failed.forEach(i -> causes.merge(i.status() + ": " + i.message().orElse("(no message)"), 1L, Long::sum));
    err.printf(Locale.ROOT, "mmrare: %d of %d items ended with an error (%d model, %d judge); first causes:%n", failed.size(),
        r.items().size(), failed.stream().filter(i -> i.status() == ItemStatus.MODEL_ERROR).count(),
        failed.stream().filter(i -> i.status() == ItemStatus.JUDGE_ERROR).count());
    causes.entrySet().stream().limit(5).forEach(e -> err.printf(Locale.ROOT, "  %dx %s%n", e.getValue(), e.getKey()));
    if (allowErrors) {
      return 0;
    }
    err.println("mmrare: exit code " + MmrareCli.EXIT_ITEM_ERRORS + " (finished with item errors); run the same command"
        + " again to retry the failed items, or pass --allow-errors to exit 0.");
    return MmrareCli.EXIT_ITEM_ERRORS;
  }

  private ModelAdapter model() {
    if (baseUrl == null) {
      if (modelName != null) {
        throw new ConfigurationException("--model needs --base-url (the OpenAI-compatible endpoint serving it).");
      }
      return OfflineBaselineModel.bundled();
    }
    if (modelName == null) {
      throw new ConfigurationException("--base-url needs --model (the model name the server expects).");
    }
    return client(baseUrl, modelName, apiKeyEnv).build();
  }

  private Optional<JudgeModel> judge() {
    if (!panel.isEmpty()) {
      if (judgeBaseUrl != null || judgeModel != null) {
        throw new ConfigurationException("Give the judge either with --judge-base-url/--judge-model or as a panel"
            + " with --judge (twice or more), not both.");
      }
      if (panel.size() < 2) {
        throw new ConfigurationException("A panel needs at least two --judge options; for one judge use"
            + " --judge-base-url and --judge-model.");
      }
      List<JudgeModel> judges = new java.util.ArrayList<>();
      for (String spec : panel) {
        String[] f = spec.split(",", -1);
        if (f.length < 2 || f.length > 3 || f[0].isBlank() || f[1].isBlank()) {
          throw new ConfigurationException("--judge must be URL,MODEL or URL,MODEL,KEY_VARIABLE, was '" + spec + "'.");
        }
        OpenAiChatClient.Builder b = client(f[0].strip(), f[1].strip(), f.length == 3 ? f[2].strip() : null);
        if (judgeTemperature != null) {
          b.judgeSettings(GenerationSettings.defaults().withTemperature(judgeTemperature));
        }
        judges.add(b.build());
      }
      return Optional.of(JudgePanel.majority(judges));
    }
    if (judgeBaseUrl == null && judgeModel == null) {
      return Optional.empty();
    }
    if (judgeBaseUrl == null || judgeModel == null) {
      throw new ConfigurationException("A judge needs both --judge-base-url and --judge-model.");
    }
    if (judgeTemperature != null && !(judgeTemperature >= 0 && judgeTemperature <= 2)) {
      throw new ConfigurationException("--judge-temperature must be between 0 and 2, was " + judgeTemperature + ".");
    }
    OpenAiChatClient.Builder b = client(judgeBaseUrl, judgeModel, judgeApiKeyEnv);
    if (judgeTemperature != null) {
      b.judgeSettings(GenerationSettings.defaults().withTemperature(judgeTemperature));
    }
    return Optional.of(b.build());
  }

  private OpenAiChatClient.Builder client(String url, String name, String keyEnv) {
    OpenAiChatClient.Builder b = OpenAiChatClient.builder(url, name).maxAttempts(maxAttempts)
        .timeout(Duration.ofSeconds(timeoutS)).environment(env).maxImages(maxImages)
        .maxPayloadBytes((long) maxPayloadMb << 20).maxRetryWait(Duration.ofSeconds(maxRetryWaitS))
        .maxResponseBytes((long) maxResponseMb << 20);
    for (String h : extraHeaders) {
      int eq = h.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException("--header must be NAME=VALUE, was '" + h + "'.");
      }
      b.header(h.substring(0, eq).strip(), h.substring(eq + 1).strip());
    }
    if (keyEnv != null) {
      b.apiKeyEnv(keyEnv);
    }
    if (rps != null) {
      b.requestsPerSecond(rps);
    }
    return b;
  }

  private GenerationSettings settings() {
    GenerationSettings s = GenerationSettings.defaults();
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new ConfigurationException("--temperature must be between 0 and 2, was " + temperature + ".");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new ConfigurationException("--max-tokens must be at least 1, was " + maxTokens + ".");
    }
    if (temperature != null) {
      s = s.withTemperature(temperature);
    }
    if (maxTokens != null) {
      s = s.withMaxTokens(maxTokens);
    }
    if (genSeed != null) {
      s = s.withSeed(genSeed);
    }
    return s;
  }

  /** Parses {@code i/n} or {@code auto/n}. */
  static int[] parseShard(String spec) {
    String[] p = spec.split("/", -1);
    if (p.length != 2) {
      throw new ConfigurationException("--shard must be i/n or auto/n, was '" + spec + "'.");
    }
    int n;
    int i;
    try {
      n = Integer.parseInt(p[1]);
      if (p[0].equals("auto")) {
        String slurm = env.apply("SLURM_ARRAY_TASK_ID");
        String k8s = env.apply("JOB_COMPLETION_INDEX");
        if (slurm != null) {
          String min = env.apply("SLURM_ARRAY_TASK_MIN");
          i = Integer.parseInt(slurm) - (min == null ? 0 : Integer.parseInt(min));
        } else if (k8s != null) {
          i = Integer.parseInt(k8s);
        } else {
          throw new ConfigurationException("--shard auto/" + n + " needs SLURM_ARRAY_TASK_ID (a Slurm job array)"
              + " or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) in the environment.");
        }
      } else {
        i = Integer.parseInt(p[0]);
      }
    } catch (NumberFormatException e) {
      throw new ConfigurationException("--shard must be i/n or auto/n with integers, was '" + spec + "'.");
    }
    if (n < 1 || i < 0 || i >= n) {
      throw new ConfigurationException("--shard " + spec + " gives shard " + i + " of " + n
          + "; need 0 <= i < n (Slurm arrays starting at 1 set SLURM_ARRAY_TASK_MIN).");
    }
    return new int[] {i, n};
  }

  /** The panel's judges side by side, when the judge was a panel. */
  private static void printPanel(PrintWriter w, EvaluationResult r) {
    List<PanelAgreement> rows = PanelAgreement.of(r.items());
    if (rows.isEmpty()) {
      return;
    }
    w.printf(Locale.ROOT, "%njudge panel (%d judges, majority per dimension):%n", rows.get(0).judges());
    for (PanelAgreement p : rows) {
      w.printf(Locale.ROOT, "  %-12s %4d items  mean score per judge %s  Fleiss' kappa %s  Krippendorff's alpha %s%n",
          p.track().folder(), p.items(), fmt(p.judgeMeans(), "%.3f"), fmt(p.fleissKappa(), "%.2f"),
          fmt(p.krippendorffAlpha(), "%.2f"));
    }
  }

  private static List<String> fmt(List<Double> v, String f) {
    return v.stream().map(x -> Double.isNaN(x) ? "-" : String.format(Locale.ROOT, f, x)).toList();
  }

  /** The judge's self-consistency, when it was asked several times per item. */
  private static void printConsistency(PrintWriter w, EvaluationResult r, Bootstrap bootstrap) {
    List<SelfConsistency> rows = SelfConsistency.of(r.items(), bootstrap);
    if (rows.isEmpty()) {
      return;
    }
    w.printf(Locale.ROOT, "%njudge self-consistency (%d samples per item):%n", rows.get(0).samples());
    for (SelfConsistency c : rows) {
      w.printf(Locale.ROOT, "  %-12s %4d items (%d incomplete)  flips %5.1f%%  mean %.4f [%.4f, %.4f] with judge"
          + " variance  Fleiss' kappa per dimension %s%n", c.track().folder(), c.items(), c.incomplete(),
          100 * c.flipShare(), c.meanScore(), c.interval().low(), c.interval().high(), c.fleissKappa().stream()
              .map(k -> Double.isNaN(k) ? "-" : String.format(Locale.ROOT, "%.2f", k)).toList());
    }
  }

  private static void print(PrintWriter w, Benchmark bench, String model, Optional<JudgeModel> judge,
      EvaluationResult r, Path dir) {
    w.printf(Locale.ROOT, "model: %s%ndata:  %s%njudge: %s%n%n", model, bench.info().description(),
        judge.map(JudgeModel::name).orElse("none - reference fallback (diagnosis_f1; substring_match)"));
    w.printf(Locale.ROOT, "%-12s %-24s %9s %21s %5s %7s %12s%n", "track", "metric", "value", "95% CI", "n", "errors",
        "orpha ex/rel");
    for (Track t : Track.values()) {
      TrackMetrics m = r.metrics().get(t);
      if (m == null) {
        continue;
      }
      Interval ci = m.headline().interval();
      Estimate exact = m.scorers().get("diagnosis_orpha_exact");
      Estimate related = m.scorers().get("diagnosis_orpha_related");
      String orpha = exact != null && related != null
          ? String.format(Locale.ROOT, "%.2f/%.2f", exact.value(), related.value()) : "-";
      w.printf(Locale.ROOT, "%-12s %-24s %9.4f [%8.4f, %8.4f] %5d %7d %12s%n", t.folder(), m.primaryKey(), m.primary(),
          ci.low(), ci.high(), m.counts().total(), m.counts().errors(), orpha);
    }
    w.printf(Locale.ROOT, "%nmmrare macro mean (ours, not the paper's; 0-1): %.4f%n", r.macroMean());
    w.printf(Locale.ROOT, "took %d ms (%d generations resumed from the journal, cache %d hits / %d misses); wrote"
        + " %s/{run.json,journal.jsonl,metrics.json,items.jsonl,report.html,leaderboard.md,leaderboard.csv}%n",
        Duration.between(r.start(), r.end()).toMillis(),
        r.resumedGenerations(), r.cacheHits(), r.cacheMisses(), dir);
  }
}
