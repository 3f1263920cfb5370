package org.mmrarebench.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python 3 {@code str} semantics the reference scorer depends on, on code points: whitespace as
 * {@code str.isspace()}, word characters as {@code re}'s Unicode {@code \w}, {@code strip()},
 * {@code split()} and {@code lower()}.
 */
public final class PyText {
  private PyText() {}

  /** {@code str.isspace()} for one code point (includes U+001C..U+001F, U+0085 and NBSP; not U+200B). */
  public static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
  }

  /** {@code re}'s Unicode {@code \w}: letters, any numeric character, and underscore. */
  public static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /** Whether a word boundary ({@code \b}) lies before position {@code i} (a char index) of {@code s}. */
  public static boolean boundaryAt(CharSequence s, int i) {
    boolean before = i > 0 && isWordChar(Character.codePointBefore(s, i));
    boolean after = i < s.length() && isWordChar(Character.codePointAt(s, i));
    return before != after;
  }

  /** {@code str.strip()}. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int cp = s.codePointAt(start);
      if (!isSpace(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(start, end);
  }

  /** {@code str.split()} with no argument: runs of whitespace separate, no empty pieces. */
  public static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      int start = i;
      while (i < n && !isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** {@code str.lower()}: full Unicode lower-casing, locale-independent (final sigma included). */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
