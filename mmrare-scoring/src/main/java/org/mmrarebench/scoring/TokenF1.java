package org.mmrarebench.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mmrarebench.core.internal.PyText;

/**
 * Token-level F1 and exact match with SQuAD v1.1 normalisation, reproduced to the bit: Python's
 * Unicode lower-casing, deletion of exactly the 32 ASCII characters of {@code string.punctuation},
 * whole-word {@code a}/{@code an}/{@code the} replaced by a space (Unicode word boundaries), and
 * splitting on Python's whitespace set.
 *
 * <p>Three variants differ only in the edge cases: {@link Variant#MMRAREBENCH} is the benchmark's
 * diagnosis F1 (SQuAD v1.1 F1 on the trimmed prediction, max over the golds), {@link Variant#SQUAD_V1}
 * the official v1.1 script, {@link Variant#SQUAD_V2} the official v2.0 script (empty against empty
 * scores 1).
 */
public final class TokenF1 {
  /** Which script's edge-case behaviour to follow. */
  public enum Variant {
    /** MMRareBench: trimmed prediction, no overlap (including both empty) scores 0. */
    MMRAREBENCH,
    /** SQuAD v1.1 evaluate script: no overlap (including both empty) scores F1 0, EM compares normalised text. */
    SQUAD_V1,
    /** SQuAD v2.0 evaluate script: an empty token list on either side scores 1 if both are empty, else 0. */
    SQUAD_V2
  }

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final String[] ARTICLES = {"a", "an", "the"};

  private TokenF1() {}

  /** SQuAD v1.1 {@code normalize_answer}. */
  public static String normalize(String s) {
    return String.join(" ", tokens(s));
  }

  /** Lower-cased, without the 32 punctuation characters (deleted, not turned into spaces). */
  private static String lowerWithoutPunctuation(String s) {
    String lower = PyText.lower(s);
    StringBuilder noPunct = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c < 128 && IS_PUNCTUATION[c]) {
        if (noPunct == null) {
          noPunct = new StringBuilder(lower.length()).append(lower, 0, i);
        }
      } else if (noPunct != null) {
        noPunct.append(c);
      }
    }
    return noPunct == null ? lower : noPunct.toString();
  }

  private static final boolean[] IS_PUNCTUATION = new boolean[128];

  static {
    for (char c : PUNCTUATION.toCharArray()) {
      IS_PUNCTUATION[c] = true;
    }
  }

  /** {@code re.sub(r"\b(a|an|the)\b", " ", text)} with Python's Unicode word boundaries. */
  private static String removeArticles(CharSequence text) {
    String s = text.toString();
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int matched = -1;
      // every article starts with 'a' or 't': only there can the pattern match (the regex engine
      // tries each position in turn, as this loop does, and resumes after a match)
      if ((c == 'a' || c == 't') && PyText.boundaryAt(s, i)) {
        for (String a : ARTICLES) {
          int end = i + a.length();
          if (s.startsWith(a, i) && PyText.boundaryAt(s, end)) {
            matched = end;
            break;
          }
        }
      }
      if (matched >= 0) {
        out.append(' ');
        i = matched;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The normalised tokens of {@code s}: {@code normalize_answer(s).split()}, which is the split of
   * the text before the final join (joining tokens with a space and splitting again gives them back).
   */
  public static List<String> tokens(String s) {
    return PyText.split(removeArticles(lowerWithoutPunctuation(s)));
  }

  /** F1 between one gold and one prediction, following {@code variant}'s rules. */
  public static double f1(String gold, String prediction, Variant variant) {
    return f1(gold, predictionTokens(prediction, variant), variant);
  }

  /** The prediction's tokens as {@link #f1} compares them (tokenised once per item, not once per gold). */
  private static List<String> predictionTokens(String prediction, Variant variant) {
    String pred = variant == Variant.MMRAREBENCH ? PyText.strip(prediction) : prediction;
    return variant == Variant.SQUAD_V2 && pred.isEmpty() ? List.of() : tokens(pred);
  }

  private static double f1(String gold, List<String> predTokens, Variant variant) {
    List<String> goldTokens = variant == Variant.SQUAD_V2 && gold.isEmpty() ? List.of() : tokens(gold);
    if (variant == Variant.SQUAD_V2 && (goldTokens.isEmpty() || predTokens.isEmpty())) {
      return goldTokens.equals(predTokens) ? 1.0 : 0.0;
    }
    int same = common(goldTokens, predTokens);
    if (same == 0) {
      return 0.0;
    }
    double precision = (double) same / predTokens.size();
    double recall = (double) same / goldTokens.size();
    return 2 * precision * recall / (precision + recall);
  }

  /**
   * The size of the multiset intersection ({@code sum((Counter(gold) & Counter(pred)).values())}):
   * for the short token lists of answers, by marking used gold tokens (no map per pair); a map for
   * long ones.
   */
  private static int common(List<String> goldTokens, List<String> predTokens) {
    int g = goldTokens.size();
    if ((long) g * predTokens.size() > 1024) {
      Map<String, Integer> counts = new HashMap<>();
      for (String t : goldTokens) {
        counts.merge(t, 1, Integer::sum);
      }
      int same = 0;
      for (String t : predTokens) {
        Integer c = counts.get(t);
        if (c != null && c > 0) {
          counts.put(t, c - 1);
          same++;
        }
      }
      return same;
    }
    long used = 0; // g <= 1024 here only when the other side is short; marks beyond 64 fall back below
    boolean[] usedMore = g > 64 ? new boolean[g] : null;
    int same = 0;
    for (String t : predTokens) {
      for (int k = 0; k < g; k++) {
        boolean taken = usedMore != null ? usedMore[k] : (used & (1L << k)) != 0;
        if (!taken && goldTokens.get(k).equals(t)) {
          if (usedMore != null) {
            usedMore[k] = true;
          } else {
            used |= 1L << k;
          }
          same++;
          break;
        }
      }
    }
    return same;
  }

  /** Exact match (0 or 1) of the normalised texts. */
  public static double exactMatch(String gold, String prediction, Variant variant) {
    String pred = variant == Variant.MMRAREBENCH ? PyText.strip(prediction) : prediction;
    return normalize(gold).equals(normalize(pred)) ? 1.0 : 0.0;
  }

  /**
   * The maximum F1 over the golds ({@code metric_max_over_ground_truths}).
   *
   * @throws IllegalArgumentException when there is no gold
   */
  public static double maxF1(List<String> golds, String prediction, Variant variant) {
    if (golds.isEmpty()) {
      throw new IllegalArgumentException("F1 needs at least one gold answer");
    }
    List<String> pred = predictionTokens(prediction, variant);
    double best = Double.NEGATIVE_INFINITY;
    for (String g : golds) {
      best = Math.max(best, f1(g, pred, variant));
    }
    return best;
  }

  /** The maximum exact match over the golds. */
  public static double maxExactMatch(List<String> golds, String prediction, Variant variant) {
    if (golds.isEmpty()) {
      throw new IllegalArgumentException("exact match needs at least one gold answer");
    }
    double best = 0;
    for (String g : golds) {
      best = Math.max(best, exactMatch(g, prediction, variant));
    }
    return best;
  }
}
