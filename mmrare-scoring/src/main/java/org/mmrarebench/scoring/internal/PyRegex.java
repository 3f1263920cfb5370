package org.mmrarebench.scoring.internal;

import java.util.regex.Pattern;

/**
 * Java patterns equivalent to the Python 3 {@code re} patterns of the reference scorer: {@code \d}
 * is any decimal digit, {@code \s} Python's whitespace set and {@code \b} a Unicode word boundary.
 */
public final class PyRegex {
  private PyRegex() {}

  /** Python's {@code \s} for str patterns. */
  public static final String S =
      "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
  /** Python's {@code \d} for str patterns. */
  public static final String D = "\\p{Nd}";
  private static final String W = "[\\p{L}\\p{N}_]";
  /** {@code \b} before a word character. */
  public static final String B_START = "(?<!" + W + ")";
  /** {@code \b} after a word character. */
  public static final String B_END = "(?!" + W + ")";

  /** Compiles a pattern written with the constants above. */
  public static Pattern compile(String regex) {
    return Pattern.compile(regex);
  }

  /** Python's {@code float()} of a number written with any decimal digits (e.g. Arabic-Indic). */
  public static double pyFloat(String digits) {
    StringBuilder sb = new StringBuilder(digits.length());
    digits.codePoints().forEach(cp -> {
      if (cp == '.') {
        sb.append('.');
      } else {
        sb.append((char) ('0' + Character.digit(cp, 10)));
      }
    });
    return Double.parseDouble(sb.toString());
  }
}
