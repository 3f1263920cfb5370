package org.mmrarebench.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmrarebench.core.Track;

/**
 * Reads exactly one verdict per rubric dimension - DIAGNOSIS 3, TREATMENT 6, CROSSMODAL 5 YES/NO;
 * EXAMINATION 8 scores of 0, 1 or 2 - and nothing else.
 *
 * <p>A verdict is the first word of a line once list decoration is removed: bullets, numbering
 * ({@code 1.}, {@code 2)}, {@code Q3:}), bold or italic markers, and a leading label ending in a
 * colon ({@code EXACT DIAGNOSIS MATCH: YES}, {@code Dimension 4: 2/2}). {@code Yes.}, {@code NO -
 * because ...} and trailing explanations are fine; words inside explanations are never counted.
 * A reply that is a single line of only verdict words ({@code YES, NO, YES}) is read word by word.
 * Any other count of verdicts than the rubric's makes the reply unreadable, with the reason.
 */
public final class StrictJudgeParser implements JudgeReplyParser {
  private static final Pattern DECORATION = Pattern.compile(
      "^(?:[\\s>*_#`]|[-\u2022\u2013\u2014](?=\\s))*"
          + "(?:(?:q(?:uestion)?|dim(?:ension)?|criterion|item)?\\s*\\(?[0-9]{1,2}\\s*[.):\\]]\\s*)?"
          + "[\\s*_`]*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern YES_NO_LEAD = Pattern.compile("^(yes|no)(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCORE_LEAD = Pattern.compile("^([012])(?![\\p{L}\\p{N}_.]|\\.[0-9])");
  private static final Pattern ONLY_YES_NO = Pattern.compile("^(?:(?:yes|no)[\\s,;/|.]*)+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ONLY_SCORES = Pattern.compile("^(?:[012][\\s,;/|]*)+$");

  /** Creates the parser (stateless). */
  public StrictJudgeParser() {}

  /** How many dimensions the rubric of {@code track} has. */
  public static int dimensions(Track track) {
    return switch (track) {
      case DIAGNOSIS -> 3;
      case TREATMENT -> 6;
      case CROSSMODAL -> 5;
      case EXAMINATION -> 8;
    };
  }

  @Override
  public JudgeVerdict parse(Track track, String reply) {
    int expected = dimensions(track);
    boolean scores = track == Track.EXAMINATION;
    List<Integer> verdicts = new ArrayList<>();
    List<String> lines = reply.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return JudgeVerdict.unreadable("the reply is empty");
    }
    if (lines.size() == 1 && (scores ? ONLY_SCORES : ONLY_YES_NO).matcher(lines.get(0)).matches()) {
      Matcher m = Pattern.compile(scores ? "[012]" : "(?i)yes|no").matcher(lines.get(0));
      while (m.find()) {
        verdicts.add(value(m.group(), scores));
      }
    } else {
      for (String line : lines) {
        Integer v = verdictOf(line, scores);
        if (v != null) {
          verdicts.add(v);
        }
      }
    }
    if (verdicts.size() != expected) {
      return JudgeVerdict.unreadable("expected " + expected + (scores ? " scores of 0, 1 or 2" : " YES/NO verdicts")
          + ", one per line, and found " + verdicts.size());
    }
    return JudgeVerdict.scored(score(track, verdicts), verdicts);
  }

  private static Integer verdictOf(String line, boolean scores) {
    String rest = strip(line);
    Integer v = lead(rest, scores);
    if (v != null) {
      return v;
    }
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      return lead(strip(rest.substring(colon + 1)), scores);
    }
    return null;
  }

  private static String strip(String s) {
    Matcher m = DECORATION.matcher(s);
    return m.lookingAt() ? s.substring(m.end()) : s;
  }

  private static Integer lead(String s, boolean scores) {
    Matcher m = (scores ? SCORE_LEAD : YES_NO_LEAD).matcher(s);
    return m.lookingAt() ? value(m.group(1), scores) : null;
  }

  private static int value(String token, boolean scores) {
    if (scores) {
      return token.charAt(0) - '0';
    }
    return token.toLowerCase(Locale.ROOT).equals("yes") ? 1 : 0;
  }

  /** The item score from complete verdicts, with the reference's formulas. */
  public static double score(Track track, List<Integer> v) {
    return switch (track) {
      case DIAGNOSIS -> v.get(0) == 0 ? (v.get(1) + v.get(2)) / 10.0 : (3 * v.get(0) + v.get(1) + v.get(2)) / 5.0;
      case TREATMENT, CROSSMODAL -> (double) v.stream().mapToInt(Integer::intValue).sum() / v.size();
      case EXAMINATION -> v.stream().mapToInt(Integer::intValue).sum() / 16.0;
    };
  }
}
