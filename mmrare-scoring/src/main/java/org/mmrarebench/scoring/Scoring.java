package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.CrossmodalItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.core.UnusableEndpointException;
import org.mmrarebench.core.internal.PyText;
import org.mmrarebench.core.internal.Secrets;

/**
 * Scores predictions with the benchmark's two-level protocol: the judge (prompt, reply, parsing in
 * the chosen mode) and token F1 for diagnosis. Without a judge it records the reference's fallback
 * (diagnosis F1 only, {@code substring_match} for the other tracks), marked as a fallback.
 *
 * <pre>{@code
 * Scoring scoring = Scoring.builder().mode(ScoringMode.STRICT).judge(ReplayJudge.read(replies)).build();
 * List<ItemResult> results = scoring.score(bench, Track.TREATMENT, predictions);
 * }</pre>
 */
public final class Scoring {
  private static final System.Logger LOG = System.getLogger(Scoring.class.getName());

  private final ScoringMode mode;
  private final Optional<JudgeModel> judge;
  private final boolean reask;
  private final int judgeSamples;
  private final JudgeReplyParser parser;
  private final List<Scorer> scorers;

  private Scoring(Builder b) {
    this.mode = b.mode;
    this.judge = b.judge;
    this.reask = b.reask.orElse(b.mode == ScoringMode.STRICT);
    this.judgeSamples = b.judgeSamples;
    this.parser = JudgeReplyParser.forMode(mode);
    this.scorers = List.copyOf(b.scorers);
  }

  /** A builder: compat mode, no judge, re-asking only in strict mode. */
  public static Builder builder() {
    return new Builder();
  }

  /** The mode. */
  public ScoringMode mode() {
    return mode;
  }

  /** The judge, when one is configured. */
  public Optional<JudgeModel> judge() {
    return judge;
  }

  /**
   * Scores every prediction (in the given order) against its item in {@code track}. Without a judge,
   * or with a {@link ReplayJudge}, 2,000 predictions and more are scored on several threads of this
   * call's own (scorers are thread-safe by contract); the results are the same, in the same order.
   *
   * @throws InvalidDataException listing predictions whose index is not an item of the track
   */
  public List<ItemResult> score(Benchmark bench, Track track, List<Prediction> predictions) {
    List<Problem> unknown = new ArrayList<>();
    for (Prediction p : predictions) {
      if (p.track() != track) {
        unknown.add(Problem.error("WRONG_TRACK", "predictions", 0, "track", p.index(),
            "the prediction is for " + p.id() + ", but " + track.folder() + " is being scored.",
            "Score each track with its own predictions."));
      } else if (bench.get(track, p.index()).isEmpty()) {
        unknown.add(Problem.error("UNKNOWN_INDEX", "predictions", 0, "index", p.index(),
            "no " + track.folder() + " item has index " + p.index() + ".",
            "Score predictions against the data they were made for (check --data and --track)."));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidDataException(unknown);
    }
    if (judge.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "No judge configured for " + track.folder()
          + ": recording the reference fallback (" + (track == Track.DIAGNOSIS ? "token F1 only" : "substring_match")
          + "), not judge scores.");
    }
    ItemResult[] out = new ItemResult[predictions.size()];
    java.util.function.IntConsumer scoreAt =
        i -> out[i] = scoreItem(bench.get(track, predictions.get(i).index()).orElseThrow(), predictions.get(i));
    // Without a judge, or with recorded replies, scoring is pure computation (scorers and judges are
    // thread-safe by contract): large runs use every core. A live judge is asked one item at a time
    // here, as before; Evaluation owns concurrency against servers.
    int threads = judge.isEmpty() || judge.get() instanceof ReplayJudge
        ? Math.min(Runtime.getRuntime().availableProcessors(), predictions.size() / PARALLEL_CHUNK) : 1;
    if (threads <= 1) {
      for (int i = 0; i < out.length; i++) {
        scoreAt.accept(i);
      }
      return new ArrayList<>(java.util.Arrays.asList(out));
    }
    java.util.concurrent.ExecutorService pool = org.mmrarebench.core.internal.Threads.daemonPool(threads, "mmrare-score");
    try {
      List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
      for (int from = 0; from < out.length; from += PARALLEL_CHUNK) {
        int start = from;
        int end = Math.min(out.length, from + PARALLEL_CHUNK);
        parts.add(pool.submit(() -> {
          for (int i = start; i < end; i++) {
            scoreAt.accept(i);
          }
        }));
      }
      // parts are awaited in order and each stops at its first failure: this is the failure of the
      // earliest prediction, the one the sequential loop would raise
      for (java.util.concurrent.Future<?> f : parts) {
        org.mmrarebench.core.internal.Threads.await(f, "Scoring");
      }
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(java.util.Arrays.asList(out));
  }

  /** Items per task when scoring runs on several threads (and the least worth a second thread). */
  private static final int PARALLEL_CHUNK = 1_000;

  /** The items of {@code track} in {@code bench} that no prediction answers, in benchmark order. */
  public static List<ItemId> unanswered(Benchmark bench, Track track, List<Prediction> predictions) {
    java.util.Set<ItemId> have = new java.util.HashSet<>();
    predictions.forEach(p -> have.add(p.id()));
    List<ItemId> out = new ArrayList<>();
    for (BenchmarkItem item : bench.track(track)) {
      if (!have.contains(item.id())) {
        out.add(item.id());
      }
    }
    return out;
  }

  /** Scores one prediction of one item. */
  public ItemResult scoreItem(BenchmarkItem item, Prediction p) {
    return scoreItem(item, p, judge);
  }

  /**
   * Scores one prediction of one item with {@code judge} in place of the configured one (the
   * runner passes a judge that records and caches replies; the configured judge decides whether
   * there is one at all).
   */
  ItemResult scoreItem(BenchmarkItem item, Prediction p, Optional<JudgeModel> judge) {
    Track track = item.track();
    String category = item instanceof DiagnosisItem d ? d.category() : "";
    String orpha = item instanceof DiagnosisItem d ? d.orphaCode().map(Object::toString).orElse("") : "";
    int images = item.images().size();
    Map<String, Double> extras = new TreeMap<>();
    Map<String, String> notes = new TreeMap<>();
    // what a reader of the report needs beside the answer: the question and what counts as right
    notes.put(ItemResult.QUESTION, item.question());
    notes.put(ItemResult.GOLD, gold(item));
    if (p.error().isEmpty()) {
      for (Scorer s : scorers) {
        if (s.tracks().contains(track)) {
          s.score(item, p.text()).ifPresent(v -> extras.put(s.metricKey(track), v));
          notes.putAll(s.annotate(item, p.text()));
        }
      }
    }
    if (p.error().isPresent()) {
      OptionalDouble zero = mode == ScoringMode.COMPAT ? OptionalDouble.of(0.0) : OptionalDouble.empty();
      return new ItemResult(track, item.index(), p.text(), Optional.empty(), Optional.empty(), List.of(), zero,
          track == Track.DIAGNOSIS ? zero : OptionalDouble.empty(), ItemStatus.MODEL_ERROR, mode, judge.isEmpty(),
          p.error(), images, category, orpha, extras, notes);
    }
    OptionalDouble f1 = item instanceof DiagnosisItem d
        ? OptionalDouble.of(TokenF1.maxF1(d.golds(), p.text(), TokenF1.Variant.MMRAREBENCH))
        : OptionalDouble.empty();
    if (judge.isEmpty()) {
      double fallback = track == Track.DIAGNOSIS ? f1.getAsDouble() : substringHit(item.answer(), p.text());
      return new ItemResult(track, item.index(), p.text(), Optional.empty(), Optional.empty(), List.of(),
          OptionalDouble.of(fallback), f1, ItemStatus.SCORED, mode, true, Optional.empty(), images, category, orpha, extras, notes);
    }
    String prompt = JudgePrompts.build(item, p.text());
    Optional<String> sha = Optional.of(JudgePrompts.sha256(prompt));
    String reply;
    try {
      reply = judge.get().reply(item.index(), prompt);
    } catch (UnusableEndpointException e) {
      throw e;
    } catch (RuntimeException e) {
      OptionalDouble s = mode == ScoringMode.COMPAT ? OptionalDouble.of(0.0) : OptionalDouble.empty();
      return new ItemResult(track, item.index(), p.text(), sha, Optional.empty(), List.of(), s, f1,
          ItemStatus.JUDGE_ERROR, mode, false, Optional.of(Secrets.redact(String.valueOf(e.getMessage()), List.of())),
          images, category, orpha, extras, notes);
    }
    JudgeVerdict v = parser.parse(track, reply);
    if (v.score().isEmpty() && reask) {
      try {
        String again = judge.get().reply(item.index(), prompt);
        JudgeVerdict v2 = parser.parse(track, again);
        if (v2.score().isPresent()) {
          reply = again;
          v = v2;
        }
      } catch (UnusableEndpointException e) {
        throw e;
      } catch (RuntimeException e) {
        // the first, unreadable reply stands
      }
    }
    if (judgeSamples > 1) {
      notes.put(ItemResult.JUDGE_SAMPLE_VERDICTS, sampleVerdicts(item, prompt, reply, judge.get()));
    }
    if (v.score().isEmpty()) {
      return new ItemResult(track, item.index(), p.text(), sha, Optional.of(reply), List.of(), OptionalDouble.empty(),
          f1, ItemStatus.UNSCORED, mode, false, v.unreadable(), images, category, orpha, extras, notes);
    }
    return new ItemResult(track, item.index(), p.text(), sha, Optional.of(reply), v.dimensions(), v.score(), f1,
        ItemStatus.SCORED, mode, false, Optional.empty(), images, category, orpha, extras, notes);
  }

  /**
   * The per-dimension verdicts of every judge sample (the first is the reply already had), read
   * with the strict rules whatever the mode, so compat runs measure consistency too: samples joined
   * by {@code ;}, verdicts by {@code ,}, an unreadable or failed sample empty.
   */
  private String sampleVerdicts(BenchmarkItem item, String prompt, String first, JudgeModel judge) {
    StrictJudgeParser strict = new StrictJudgeParser();
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < judgeSamples; s++) {
      String reply;
      if (s == 0) {
        reply = first;
      } else {
        try {
          reply = judge.reply(item.index(), prompt, s);
        } catch (UnusableEndpointException e) {
          throw e;
        } catch (RuntimeException e) {
          reply = null; // a missing sample: consistency is measured on the items with every sample
        }
      }
      sb.append(s == 0 ? "" : ";");
      if (reply != null) {
        JudgeVerdict v = strict.parse(item.track(), reply);
        if (v.score().isPresent()) {
          sb.append(v.dimensions().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
      }
    }
    return sb.toString();
  }

  /** The gold answer and the item's rubric, as one text for people. */
  static String gold(BenchmarkItem item) {
    StringBuilder sb = new StringBuilder(item.answer());
    if (item instanceof DiagnosisItem d && !d.aliases().isEmpty()) {
      sb.append("\naccepted: ").append(String.join("; ", d.aliases()));
    } else if (item instanceof TreatmentItem t) {
      sb.append("\nmust include: ").append(String.join("; ", t.mustInclude()))
          .append("\nmust not: ").append(String.join("; ", t.mustNot()));
    } else if (item instanceof CrossmodalItem c) {
      sb.append("\nkey findings: ").append(String.join("; ", c.keyFindings()))
          .append("\nrelation: ").append(c.relationType());
    } else if (item instanceof ExaminationItem e) {
      sb.append("\nkey tests: ").append(String.join("; ", e.keyTests()))
          .append("\nred flags: ").append(String.join("; ", e.redFlags()))
          .append("\nmust not: ").append(String.join("; ", e.mustNot()));
    }
    return sb.toString();
  }

  /**
   * The reference's fallback hit: the lower-cased prediction contains the first 50 characters
   * (code points) of the lower-cased answer.
   */
  public static double substringHit(String answer, String prediction) {
    String ans = PyText.lower(answer);
    int cps = ans.codePointCount(0, ans.length());
    String head = cps <= 50 ? ans : ans.substring(0, ans.offsetByCodePoints(0, 50));
    return PyText.lower(prediction).contains(head) ? 1.0 : 0.0;
  }

  /** Settings for {@link Scoring}; each setter validates at once. */
  public static final class Builder {
    private ScoringMode mode = ScoringMode.COMPAT;
    private Optional<JudgeModel> judge = Optional.empty();
    private Optional<Boolean> reask = Optional.empty();
    private int judgeSamples = 1;
    private List<Scorer> scorers = List.of();

    private Builder() {}

    /** Compat (default) or strict. */
    public Builder mode(ScoringMode mode) {
      this.mode = checkNotNull(mode, "mode");
      return this;
    }

    /** The judge; without one, the reference fallback is recorded. */
    public Builder judge(JudgeModel judge) {
      this.judge = Optional.of(checkNotNull(judge, "judge"));
      return this;
    }

    /** The judge, if any. */
    public Builder judge(Optional<JudgeModel> judge) {
      this.judge = checkNotNull(judge, "judge");
      return this;
    }

    /**
     * Ask the judge {@code k} times per item (default 1) to measure its self-consistency: the score
     * stays the first reply's; every sample's verdicts are recorded ({@link ItemResult#sampleVerdicts()}).
     */
    public Builder judgeSamples(int k) {
      checkArgument(k >= 1 && k <= 50, "judgeSamples must be 1 to 50, was %s", k);
      this.judgeSamples = k;
      return this;
    }

    /** Whether to ask the judge once more when its reply cannot be read (default: strict mode only). */
    public Builder reaskOnUnreadable(boolean reask) {
      this.reask = Optional.of(reask);
      return this;
    }

    /** Extra judge-free scorers whose values are recorded per item and averaged in the metrics. */
    public Builder scorers(List<? extends Scorer> scorers) {
      this.scorers = List.copyOf(scorers);
      return this;
    }

    /** The scoring. */
    public Scoring build() {
      return new Scoring(this);
    }
  }
}
