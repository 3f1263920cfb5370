package org.mmrarebench.scoring;

import static org.mmrarebench.scoring.internal.PyRegex.B_END;
import static org.mmrarebench.scoring.internal.PyRegex.B_START;
import static org.mmrarebench.scoring.internal.PyRegex.D;
import static org.mmrarebench.scoring.internal.PyRegex.S;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.PyText;
import org.mmrarebench.scoring.internal.PyRegex;

/**
 * The reference scorer's reply parsing, quirks included: YES/NO words are counted anywhere in the
 * reply (explanations too), EXAMINATION takes the first eight standalone digits 0-2 (so a numbered
 * list is misread), and anything unreadable scores 0. Always returns a score.
 */
public final class CompatJudgeParser implements JudgeReplyParser {
  private static final Pattern YES_NO = PyRegex.compile(B_START + "(yes|no)" + B_END);
  private static final Pattern RATIO = PyRegex.compile("(" + D + "+(?:\\." + D + "+)?)" + S + "*/" + S + "*(" + D + "+)");
  private static final Pattern PERCENT = PyRegex.compile("(" + D + "+(?:\\." + D + "+)?)" + S + "*%");
  private static final Pattern UNIT = PyRegex.compile(B_START + "(0(?:\\." + D + "+)?|1(?:\\.0+)?)" + B_END);
  private static final Pattern SCORE_012 = PyRegex.compile(B_START + "([012])" + B_END);

  /** Creates the parser (stateless). */
  public CompatJudgeParser() {}

  @Override
  public JudgeVerdict parse(Track track, String reply) {
    return JudgeVerdict.scored(score(track, reply), List.of());
  }

  /** The score the reference reads from {@code reply}. */
  public static double score(Track track, String reply) {
    String text = PyText.strip(reply);
    String lower = PyText.lower(text);
    return switch (track) {
      case DIAGNOSIS -> diagnosis(lower);
      case TREATMENT, CROSSMODAL -> yesNoRatio(text, lower);
      case EXAMINATION -> examination(text, lower);
    };
  }

  private static double diagnosis(String lower) {
    Matcher m = YES_NO.matcher(lower);
    int[] dims = new int[3];
    int n = 0;
    while (n < 3 && m.find()) {
      dims[n++] = m.group(1).equals("yes") ? 1 : 0;
    }
    if (n >= 3) {
      return dims[0] == 0 ? (dims[1] + dims[2]) / 10.0 : (3 * dims[0] + dims[1] + dims[2]) / 5.0;
    }
    return ratio(lower).orElse(0.0);
  }

  private static double yesNoRatio(String text, String lower) {
    int[] yn = countYesNo(lower);
    int total = yn[0] + yn[1];
    if (total >= 2) {
      return (double) yn[0] / total;
    }
    if (total == 1) {
      return yn[0] == 1 ? 1.0 : 0.0;
    }
    Optional<Double> r = ratio(text);
    if (r.isPresent()) {
      return r.get();
    }
    Matcher p = PERCENT.matcher(text);
    if (p.find()) {
      return Math.min(PyRegex.pyFloat(p.group(1)) / 100.0, 1.0);
    }
    Matcher u = UNIT.matcher(lower);
    if (u.find()) {
      return PyRegex.pyFloat(u.group(1));
    }
    return 0.0;
  }

  private static double examination(String text, String lower) {
    Matcher m = SCORE_012.matcher(text);
    int sum = 0;
    int n = 0;
    while (n < 8 && m.find()) {
      sum += m.group(1).charAt(0) - '0';
      n++;
    }
    if (n >= 8) {
      return sum / 16.0;
    }
    int[] yn = countYesNo(lower);
    int total = yn[0] + yn[1];
    if (total >= 6) {
      return (double) yn[0] / total;
    }
    return ratio(text).orElse(0.0);
  }

  private static int[] countYesNo(String lower) {
    Matcher m = YES_NO.matcher(lower);
    int yes = 0;
    int no = 0;
    while (m.find()) {
      if (m.group(1).equals("yes")) {
        yes++;
      } else {
        no++;
      }
    }
    return new int[] {yes, no};
  }

  /** {@code a / b} as min(a/b, 1); a zero denominator raises in the reference, which then scores 0. */
  private static Optional<Double> ratio(String text) {
    Matcher m = RATIO.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    double b = PyRegex.pyFloat(m.group(2));
    if (b == 0) {
      return Optional.of(0.0);
    }
    return Optional.of(Math.min(PyRegex.pyFloat(m.group(1)) / b, 1.0));
  }
}
