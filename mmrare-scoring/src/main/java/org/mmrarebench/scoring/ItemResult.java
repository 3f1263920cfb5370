package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Track;

/**
 * The outcome for one item, self-contained so that results files can be compared and reported
 * without the data.
 *
 * @param track the item's track
 * @param index the item's index
 * @param prediction the prediction as scored ({@code nan} for a missing one, as the reference reads it)
 * @param judgePromptSha256 sha256 of the judge prompt, when a judge was asked
 * @param judgeReply the judge's reply, when there was one
 * @param verdicts per-dimension verdicts (strict mode), empty otherwise
 * @param score the item score in [0, 1]; in fallback runs the fallback metric (F1 for diagnosis,
 *     substring hit for the others); empty when UNSCORED or an error in strict mode
 * @param f1 token F1 (0-1), diagnosis only
 * @param status what happened
 * @param mode compat or strict
 * @param fallback true when no judge was used and the reference's fallback metric was recorded
 * @param message why the item is not SCORED, or a note; empty otherwise
 * @param imageCount how many images the item has (for breakdowns)
 * @param category the diagnosis category, empty for other tracks
 * @param orphaCode the diagnosis ORPHA code ({@code ORPHA:558}), empty when absent
 * @param scorers values of the extra {@link Scorer}s asked for, by their metric key
 * @param annotations text labels: the item's {@value #QUESTION} and {@value #GOLD} (answer and rubric,
 *     for people reading results without the data), and what scorers attached, for example
 *     {@code orpha_match}
 */
public record ItemResult(
    Track track,
    String index,
    String prediction,
    Optional<String> judgePromptSha256,
    Optional<String> judgeReply,
    List<Integer> verdicts,
    OptionalDouble score,
    OptionalDouble f1,
    ItemStatus status,
    ScoringMode mode,
    boolean fallback,
    Optional<String> message,
    int imageCount,
    String category,
    String orphaCode,
    Map<String, Double> scorers,
    Map<String, String> annotations) {

  /** The annotation holding the item's question. */
  public static final String QUESTION = "question";

  /** The annotation holding the gold answer and the item's rubric. */
  public static final String GOLD = "gold";

  /** The annotation holding every judge sample's verdicts ({@link #sampleVerdicts()}). */
  public static final String JUDGE_SAMPLE_VERDICTS = "judge_sample_verdicts";

  /** Validates. */
  public ItemResult {
    checkNotNull(track, "track");
    checkNotNull(index, "index");
    checkNotNull(prediction, "prediction");
    checkNotNull(judgePromptSha256, "judgePromptSha256");
    checkNotNull(judgeReply, "judgeReply");
    verdicts = List.copyOf(verdicts);
    checkNotNull(score, "score");
    checkNotNull(f1, "f1");
    checkNotNull(status, "status");
    checkNotNull(mode, "mode");
    checkNotNull(message, "message");
    checkArgument(imageCount >= 0, "imageCount must be >= 0, was %s", imageCount);
    checkNotNull(category, "category");
    checkNotNull(orphaCode, "orphaCode");
    scorers = Collections.unmodifiableMap(new TreeMap<>(scorers));
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    checkArgument(score.isEmpty() || (score.getAsDouble() >= 0 && score.getAsDouble() <= 1),
        "score must lie in [0, 1], was %s", score);
    checkArgument(status == ItemStatus.SCORED || mode == ScoringMode.COMPAT || score.isEmpty(),
        "in strict mode only a SCORED item has a score (item %s, status %s)", index, status);
  }

  /** Track and index. */
  public ItemId id() {
    return new ItemId(track, index);
  }

  /**
   * The per-dimension verdicts of each judge sample when the judge was asked several times
   * ({@code Scoring.Builder.judgeSamples}), sample 0 first; an unreadable or failed sample is empty.
   * Empty when the judge was asked once.
   */
  public List<List<Integer>> sampleVerdicts() {
    String v = annotations.get(JUDGE_SAMPLE_VERDICTS);
    if (v == null) {
      return List.of();
    }
    List<List<Integer>> out = new java.util.ArrayList<>();
    for (String sample : v.split(";", -1)) {
      out.add(sample.isEmpty() ? List.of()
          : java.util.Arrays.stream(sample.split(",")).map(Integer::valueOf).toList());
    }
    return out;
  }
}
