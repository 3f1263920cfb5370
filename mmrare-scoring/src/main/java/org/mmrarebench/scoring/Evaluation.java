package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.UnusableEndpointException;
import org.mmrarebench.core.internal.Secrets;
import org.mmrarebench.core.internal.Threads;
import org.mmrarebench.scoring.internal.Journal;
import org.mmrarebench.scoring.internal.JsonP;
import org.mmrarebench.scoring.run.Progress;
import org.mmrarebench.scoring.run.ResponseCache;

/**
 * Runs a model over a benchmark and scores every answer: the reference prompt for each item,
 * bounded concurrency, a model failure recorded as {@link ItemStatus#MODEL_ERROR} (never a wrong
 * answer in strict mode), then {@link Scoring} and per-track {@link TrackMetrics}.
 *
 * <p>With a run directory, every finished generation and judge reply is appended to
 * {@code journal.jsonl} and forced to disk before it counts; running again on the same directory
 * skips what the journal holds, so a killed run resumes without repeating paid work. With a cache,
 * model responses (keyed by model identity, settings, exact prompt text and image hashes in order)
 * and judge replies (keyed by judge identity and judge prompt) are reused across runs; empty or
 * failed responses are never stored.
 *
 * <pre>{@code
 * EvaluationResult r = Evaluation.builder().model(myAdapter).scoring(Scoring.builder().build())
 *     .journal(Path.of("runs/my-model/journal.jsonl")).build().run(bench);
 * }</pre>
 */
public final class Evaluation {
  private final ModelAdapter model;
  private final Scoring scoring;
  private final int concurrency;
  private final GenerationSettings settings;
  private final Bootstrap bootstrap;
  private final Optional<Path> journalFile;
  private final Optional<ResponseCache> cache;
  private final Progress.Listener listener;
  private final Consumer<String> warnings;
  private final Optional<ExecutorService> executor;

  private Evaluation(Builder b) {
    this.model = b.model;
    this.scoring = b.scoring;
    this.concurrency = b.concurrency;
    this.settings = b.settings;
    this.bootstrap = b.bootstrap;
    this.journalFile = b.journal;
    this.cache = b.cache;
    this.listener = b.listener;
    this.warnings = b.warnings;
    this.executor = b.executor;
  }

  /** A builder; a model is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs every item of {@code bench}; results keep the benchmark's order.
   *
   * @throws UnusableEndpointException when the model or the judge can serve no call (bad key, wrong
   *     URL, unreachable server): the run stops at the first such failure, keeping the journal
   */
  public EvaluationResult run(Benchmark bench) {
    Instant start = Instant.now();
    Journal journal = journalFile.map(Journal::open).orElse(null);
    Map<ItemId, String> generations = new ConcurrentHashMap<>();
    Map<String, String> replies = new ConcurrentHashMap<>();
    int skipped = 0;
    if (journal != null) {
      List<JsonObject> records = journal.records();
      for (int i = 0; i < records.size(); i++) {
        JsonObject r = records.get(i);
        Optional<String> problem = load(r, generations, replies);
        if (problem.isPresent()) {
          skipped++;
          warnings.accept(journalFile.get() + ", line " + journal.lineOf(i) + ": skipped a journal record ("
              + problem.get() + "); its work, if any, is done again.");
        }
      }
    }
    Counters c = new Counters(bench.size(), System.nanoTime());
    ExecutorService pool = executor.orElseGet(() -> Threads.daemonPool(concurrency, "mmrare-eval"));
    AtomicReference<UnusableEndpointException> fatal = new AtomicReference<>();
    List<ItemResult> results = new ArrayList<>(bench.size());
    List<Future<ItemResult>> futures = new ArrayList<>(bench.size());
    try {
      for (BenchmarkItem item : bench) {
        futures.add(pool.submit(() -> {
          if (fatal.get() != null) {
            throw fatal.get();
          }
          c.inFlight.incrementAndGet();
          try {
            Prediction p = predict(item, generations.get(item.id()), journal, c);
            Optional<JudgeModel> judge = scoring.judge().map(j -> new RecordingJudge(j, item.id(), replies, journal));
            ItemResult r = scoring.scoreItem(item, p, judge);
            if (r.status() == ItemStatus.MODEL_ERROR || r.status() == ItemStatus.JUDGE_ERROR) {
              c.errors.incrementAndGet();
            }
            return r;
          } catch (UnusableEndpointException e) {
            fatal.compareAndSet(null, e);
            throw e;
          } finally {
            c.inFlight.decrementAndGet();
            c.done.incrementAndGet();
            listener.update(c.snapshot());
          }
        }));
      }
      for (Future<ItemResult> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException("The evaluation was interrupted after " + results.size() + " items; the journal"
          + " holds every finished generation and judge reply, so running again resumes.", e);
    } catch (ExecutionException e) {
      if (fatal.get() != null) {
        UnusableEndpointException f = fatal.get();
        throw new UnusableEndpointException("Stopped after " + c.done.get() + " of " + bench.size() + " items: "
            + f.getMessage() + ". Nothing later could succeed; fix the endpoint or its settings and run again (finished"
            + " work is kept in the journal).", f);
      }
      if (e.getCause() instanceof MmrareException m) {
        throw m;
      }
      throw new MmrareException("Scoring failed: " + e.getCause(), e.getCause());
    } finally {
      if (executor.isEmpty()) {
        pool.shutdownNow();
      } else {
        // a caller-owned executor stays up; only this run's unfinished work is cancelled
        futures.forEach(f -> f.cancel(true));
      }
      if (journal != null) {
        journal.close();
      }
    }
    return new EvaluationResult(results, EvaluationResult.metricsOf(results, bootstrap), start, Instant.now(),
        c.promptTokens.get(), c.completionTokens.get(),
        cache.map(ResponseCache::hits).orElse(0L), cache.map(ResponseCache::misses).orElse(0L),
        (journal == null ? 0 : journal.dropped()) + skipped, generations.size());
  }

  /**
   * Takes one journal record into the maps, or says why it cannot be used: a record that is valid
   * JSON but not one of ours (outside interference, a bug) is skipped like a torn line.
   */
  private static Optional<String> load(JsonObject r, Map<ItemId, String> generations, Map<String, String> replies) {
    if (!(r.get("type") instanceof JsonString type)) {
      return Optional.of("no \"type\" string");
    }
    if (!(r.get("track") instanceof JsonString track) || Track.find(track.getString()).isEmpty()) {
      return Optional.of("no known \"track\"");
    }
    if (!(r.get("index") instanceof JsonString index)) {
      return Optional.of("no \"index\" string");
    }
    ItemId id = ItemId.of(Track.find(track.getString()).get(), index.getString());
    switch (type.getString()) {
      case "generation" -> {
        if (!(r.get("prediction") instanceof JsonString text)) {
          return Optional.of("a generation without a \"prediction\" string");
        }
        generations.put(id, text.getString());
      }
      case "judge" -> {
        if (!(r.get("reply") instanceof JsonString reply) || !(r.get("prompt_sha256") instanceof JsonString sha)) {
          return Optional.of("a judge record without \"reply\" and \"prompt_sha256\" strings");
        }
        int sample = r.get("sample") instanceof jakarta.json.JsonNumber n ? n.intValue() : 0;
        replies.put(id + "\n" + sha.getString() + (sample == 0 ? "" : "\n" + sample), reply.getString());
      }
      case "error" -> { }
      default -> {
        return Optional.of("unknown type \"" + type.getString() + "\"");
      }
    }
    return Optional.empty();
  }

  private Prediction predict(BenchmarkItem item, String journaled, Journal journal, Counters c) {
    if (journaled != null) {
      return Prediction.of(item.id(), journaled);
    }
    Prompt prompt = Prompts.reference(item);
    String key = cache.isPresent() ? modelKey(prompt) : null;
    Optional<String> hit = cache.flatMap(x -> x.get("model", key, "text"));
    if (hit.isPresent()) {
      record(journal, generation(item, hit.get(), OptionalLong.empty(), OptionalLong.empty(), Duration.ZERO, true),
          false);
      return Prediction.of(item.id(), hit.get());
    }
    ModelResponse resp;
    try {
      resp = model.generate(prompt, settings);
    } catch (UnusableEndpointException e) {
      throw e;
    } catch (RuntimeException e) {
      String msg = Secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
      record(journal, journalRecord("error", item.id()).add("stage", "model").add("message", msg).build());
      return Prediction.failed(item.id(), msg);
    }
    resp.promptTokens().ifPresent(c.promptTokens::addAndGet);
    resp.completionTokens().ifPresent(c.completionTokens::addAndGet);
    if (cache.isPresent() && !resp.text().isEmpty()) {
      cache.get().put("model", key, "text", resp.text());
    }
    record(journal, generation(item, resp.text(), resp.promptTokens(), resp.completionTokens(), resp.latency(), false));
    return Prediction.of(item.id(), resp.text());
  }

  private static JsonObject generation(BenchmarkItem item, String text, OptionalLong in, OptionalLong out,
      Duration latency, boolean cached) {
    JsonObjectBuilder b = journalRecord("generation", item.id()).add("prediction", text)
        .add("latency_ms", latency.toMillis()).add("cached", cached);
    in.ifPresent(v -> b.add("prompt_tokens", v));
    out.ifPresent(v -> b.add("completion_tokens", v));
    return b.build();
  }

  /** The start every journal record shares: its type and the item it belongs to. */
  private static JsonObjectBuilder journalRecord(String type, ItemId id) {
    return JsonP.PROVIDER.createObjectBuilder().add("type", type).add("track", id.track().folder())
        .add("index", id.index());
  }

  private static void record(Journal journal, JsonObject r) {
    record(journal, r, true);
  }

  /** Appends to the journal, if any; records of free work (cache hits) need not be forced to disk. */
  private static void record(Journal journal, JsonObject r, boolean durable) {
    if (journal != null) {
      journal.append(r, durable);
    }
  }

  /** The cache key of a model call: identity, settings, the prompt's text parts and image hashes in order. */
  String modelKey(Prompt prompt) {
    StringBuilder k = new StringBuilder("model=").append(model.name()).append("\nsettings=").append(settings);
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Text t) {
        k.append("\ntext:").append(t.text().length()).append(':').append(t.text());
      } else {
        k.append("\nimage:").append(((Prompt.Image) p).image().contentKey());
      }
    }
    return k.toString();
  }

  /** Progress counters of one run. */
  private static final class Counters {
    final int total;
    final long startNanos;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();

    Counters(int total, long startNanos) {
      this.total = total;
      this.startNanos = startNanos;
    }

    Progress snapshot() {
      int d = done.get();
      double secs = (System.nanoTime() - startNanos) / 1e9;
      double rate = secs > 0 ? d / secs : 0;
      Optional<Duration> eta = rate > 0 ? Optional.of(Duration.ofMillis((long) ((total - d) / rate * 1000)))
          : Optional.empty();
      return new Progress(d, total, inFlight.get(), errors.get(), rate, eta, promptTokens.get(), completionTokens.get());
    }
  }

  /**
   * Wraps the judge for one item: the first request for a judge prompt is answered from the
   * journal, then the cache, then the judge; a repeated request (strict mode's re-ask) goes to the
   * judge itself. Every reply from the judge is journaled; non-empty ones are cached.
   */
  private final class RecordingJudge implements JudgeModel {
    private final JudgeModel judge;
    private final ItemId id;
    private final Map<String, String> journaled;
    private final Journal journal;
    private int calls;

    RecordingJudge(JudgeModel judge, ItemId id, Map<String, String> journaled, Journal journal) {
      this.judge = judge;
      this.id = id;
      this.journaled = journaled;
      this.journal = journal;
    }

    @Override
    public String name() {
      return judge.name();
    }

    @Override
    public String settingsKey() {
      return judge.settingsKey();
    }

    @Override
    public String reply(String itemIndex, String prompt) {
      return reply(itemIndex, prompt, 0, calls++ == 0);
    }

    @Override
    public String reply(String itemIndex, String prompt, int sample) {
      return reply(itemIndex, prompt, sample, true);
    }

    /**
     * A reply from the journal, the cache or the judge; a repeated request for sample 0 (strict
     * mode's re-ask) skips the first two. Sample k > 0 is journaled and cached under its own key,
     * so K samples are K distinct stored replies.
     */
    private String reply(String itemIndex, String prompt, int sample, boolean stored) {
      String sha = JudgePrompts.sha256(prompt);
      String key = "judge=" + judge.name() + "\nsettings=" + judge.settingsKey() + "\nprompt:" + prompt
          + (sample == 0 ? "" : "\nsample=" + sample);
      String journalKey = id + "\n" + sha + (sample == 0 ? "" : "\n" + sample);
      if (stored) {
        String known = journaled.get(journalKey);
        if (known != null) {
          return known;
        }
        Optional<String> hit = cache.flatMap(x -> x.get("judge", key, "reply"));
        if (hit.isPresent()) {
          journalReply(sha, sample, hit.get(), true);
          return hit.get();
        }
      }
      String reply;
      try {
        reply = sample == 0 ? judge.reply(itemIndex, prompt) : judge.reply(itemIndex, prompt, sample);
      } catch (UnusableEndpointException e) {
        throw e;
      } catch (RuntimeException e) {
        record(journal, journalRecord("error", id).add("stage", "judge")
            .add("message", Secrets.redact(String.valueOf(e.getMessage()), List.of())).build());
        throw e;
      }
      if (!reply.isEmpty()) {
        cache.ifPresent(x -> x.put("judge", key, "reply", reply));
      }
      journalReply(sha, sample, reply, false);
      return reply;
    }

    private void journalReply(String sha, int sample, String reply, boolean cached) {
      JsonObjectBuilder b = journalRecord("judge", id).add("prompt_sha256", sha).add("reply", reply)
          .add("cached", cached);
      if (sample > 0) {
        b.add("sample", sample);
      }
      record(journal, b.build(), !cached);
    }
  }

  /** Settings for an {@link Evaluation}. */
  public static final class Builder {
    private ModelAdapter model;
    private Scoring scoring = Scoring.builder().build();
    private int concurrency = 8;
    private GenerationSettings settings = GenerationSettings.defaults();
    private Bootstrap bootstrap = Bootstrap.DEFAULT;
    private Optional<Path> journal = Optional.empty();
    private Optional<ResponseCache> cache = Optional.empty();
    private Progress.Listener listener = Progress.Listener.none();
    private Consumer<String> warnings = w -> System.err.println("mmrare WARNING: " + w);
    private Optional<ExecutorService> executor = Optional.empty();

    /**
     * Runs items on {@code executor} (owned by the caller, never shut down by the run) instead of a
     * pool of {@link #concurrency} threads made per run; concurrency is then the executor's.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Optional.of(checkNotNull(executor, "executor"));
      return this;
    }

    private Builder() {}

    /** Where warnings go (a skipped journal record); default: stderr. */
    public Builder warnings(Consumer<String> warnings) {
      this.warnings = checkNotNull(warnings, "warnings");
      return this;
    }

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

    /** The run's journal file; finished work found there is skipped. */
    public Builder journal(Path file) {
      this.journal = Optional.of(checkNotNull(file, "file"));
      return this;
    }

    /** A response cache shared between runs. */
    public Builder cache(ResponseCache cache) {
      this.cache = Optional.of(checkNotNull(cache, "cache"));
      return this;
    }

    /** Receives progress snapshots. */
    public Builder progress(Progress.Listener listener) {
      this.listener = checkNotNull(listener, "listener");
      return this;
    }

    /** The evaluation. */
    public Evaluation build() {
      checkState(model != null, "a model is required: call model(...) before build()");
      return new Evaluation(this);
    }
  }
}
