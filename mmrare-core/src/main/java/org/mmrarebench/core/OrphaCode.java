package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Orphanet disorder code (ORPHAcode), a positive integer. Parses {@code ORPHA:558},
 * {@code 558} and {@code Orphanet_558}; prints as {@code ORPHA:558}.
 *
 * @param value the numeric code, at least 1
 */
public record OrphaCode(int value) implements Comparable<OrphaCode> {
  private static final Pattern FORM = Pattern.compile("(?:ORPHA:|Orphanet_)?([0-9]{1,9})");

  /** Validates that the code is positive. */
  public OrphaCode {
    checkArgument(value >= 1, "an ORPHA code must be a positive integer, was %s", value);
  }

  /** The code for a number. */
  public static OrphaCode of(int value) {
    return new OrphaCode(value);
  }

  /**
   * Parses {@code ORPHA:558}, {@code 558} or {@code Orphanet_558}; surrounding whitespace is ignored.
   *
   * @throws IllegalArgumentException with the accepted forms when the text is anything else
   */
  public static OrphaCode parse(String text) {
    // the release's own form, ORPHA:558, without a regex (every diagnosis item has one)
    if (text.startsWith("ORPHA:") && text.length() > 6 && text.length() <= 15 && text.charAt(6) != '0') {
      int v = 0;
      int i = 6;
      while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        v = v * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == text.length()) {
        return new OrphaCode(v);
      }
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw new IllegalArgumentException("'" + text + "' is not an ORPHA code; write it as ORPHA:558, 558"
          + " or Orphanet_558 (a positive integer with an optional ORPHA: or Orphanet_ prefix)");
    }
    return new OrphaCode(Integer.parseInt(m.group(1)));
  }

  /** The ORDO PURL form, {@code Orphanet_558}. */
  public String ordoId() {
    return "Orphanet_" + value;
  }

  @Override
  public int compareTo(OrphaCode o) {
    return Integer.compare(value, o.value);
  }

  /** {@code ORPHA:558}. */
  @Override
  public String toString() {
    return "ORPHA:" + value;
  }
}
