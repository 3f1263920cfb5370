package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.UnusableEndpointException;

/**
 * Several judges as one: each is asked, each reply read with the strict rules, and the panel's
 * verdict on each rubric dimension is the majority (a tie goes to the lower verdict - NO - as the
 * rubric's "default to NO" asks). The panel's reply is the majority verdicts, one per line, which
 * both parsers read as those verdicts, followed by a line recording every judge's verdicts
 * ({@code [panel of 3, majority: YNY YYY NN- ]}, letters so that no reply parser counts them:
 * Y/N, or a/b/c for examination's 0/1/2, {@code -} for a judge whose reply was unreadable or
 * failed), so the breakdown survives in journals, caches and {@code items.jsonl}.
 */
public final class JudgePanel implements JudgeModel {
  private static final Pattern TRAILER = Pattern.compile("\\[panel of (\\d+), majority:((?: [YNabc-]+)+) ?\\]");
  private final List<JudgeModel> judges;

  private JudgePanel(List<JudgeModel> judges) {
    this.judges = List.copyOf(judges);
  }

  /**
   * A panel of at least two judges with majority aggregation per dimension.
   *
   * @throws IllegalArgumentException for fewer than two judges
   */
  public static JudgePanel majority(List<JudgeModel> judges) {
    checkArgument(judges.size() >= 2, "a panel needs at least two judges, got %s", judges.size());
    return new JudgePanel(judges);
  }

  /** The judges, in order. */
  public List<JudgeModel> judges() {
    return judges;
  }

  @Override
  public String name() {
    return "panel(majority)[" + judges.stream().map(JudgeModel::name).collect(Collectors.joining(", ")) + "]";
  }

  @Override
  public String settingsKey() {
    return judges.stream().map(JudgeModel::settingsKey).collect(Collectors.joining("|"));
  }

  @Override
  public String reply(String itemIndex, String prompt) {
    Track track = JudgePrompts.trackOf(prompt).orElseThrow(() -> new JudgeException("the panel reads judge prompts"
        + " built by JudgePrompts; this one is not"));
    StrictJudgeParser strict = new StrictJudgeParser();
    List<Optional<List<Integer>>> each = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (JudgeModel j : judges) {
      try {
        JudgeVerdict v = strict.parse(track, j.reply(itemIndex, prompt));
        each.add(v.score().isPresent() ? Optional.of(v.dimensions()) : Optional.empty());
      } catch (UnusableEndpointException e) {
        throw e;
      } catch (RuntimeException e) {
        failures.add(j.name() + ": " + e.getMessage());
        each.add(Optional.empty());
      }
    }
    if (each.stream().noneMatch(Optional::isPresent)) {
      throw new JudgeException("no judge of the panel gave a readable reply" + (failures.isEmpty() ? ""
          : " (" + String.join("; ", failures) + ")"));
    }
    int dims = StrictJudgeParser.dimensions(track);
    boolean scores = track == Track.EXAMINATION;
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < dims; d++) {
      int[] count = new int[3];
      for (Optional<List<Integer>> v : each) {
        if (v.isPresent()) {
          count[v.get().get(d)]++;
        }
      }
      int best = 0;
      for (int x = 1; x < 3; x++) {
        if (count[x] > count[best]) {
          best = x; // strictly more votes: a tie stays with the lower verdict
        }
      }
      sb.append(scores ? Integer.toString(best) : best == 1 ? "YES" : "NO").append('\n');
    }
    sb.append("[panel of ").append(judges.size()).append(", majority:");
    for (Optional<List<Integer>> v : each) {
      sb.append(' ').append(v.map(x -> x.stream().map(i -> letter(i, scores)).collect(Collectors.joining()))
          .orElse("-"));
    }
    return sb.append(']').toString();
  }

  private static String letter(int verdict, boolean scores) {
    return scores ? String.valueOf((char) ('a' + verdict)) : verdict == 1 ? "Y" : "N";
  }

  /**
   * Each judge's verdicts recorded in a panel reply, judge by judge (empty for a judge without a
   * readable reply); empty when {@code reply} is not a panel's.
   */
  public static List<Optional<List<Integer>>> judgeVerdicts(String reply) {
    Matcher m = TRAILER.matcher(reply);
    if (!m.find()) {
      return List.of();
    }
    List<Optional<List<Integer>>> out = new ArrayList<>();
    for (String v : m.group(2).strip().split(" ")) {
      if (v.equals("-")) {
        out.add(Optional.empty());
        continue;
      }
      List<Integer> x = new ArrayList<>();
      for (char c : v.toCharArray()) {
        x.add(c == 'Y' ? 1 : c == 'N' ? 0 : c - 'a');
      }
      out.add(Optional.of(List.copyOf(x)));
    }
    return out;
  }
}
