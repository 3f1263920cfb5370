package org.mmrarebench.scoring.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Every static {@code jakarta.json.Json} call looks the
 * provider up again through {@link java.util.ServiceLoader}, which scans the class path: measured at
 * several seconds of CPU per thousand-item run, so all mmrare code goes through this constant.
 */
public final class JsonP {
  private JsonP() {}

  /** The provider (Eclipse Parsson on mmrare's class path). */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  /**
   * Appends {@code s} as a JSON string, escaped exactly as Parsson's generator escapes it (quote,
   * backslash, {@code \b \t \n \f \r}, other control characters as six-character escapes such as
   * {@code &#92;u001f}), plus one thing Parsson leaves raw: a lone surrogate (a model can return one)
   * is written as its six-character escape, which JSON allows and every reader reads back as the
   * same char; raw, it could not be encoded as UTF-8 at all.
   */
  public static StringBuilder appendString(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a pair: kept as it is
        continue;
      }
      sb.append(s, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        default -> appendUnicodeEscape(sb, c);
      }
    }
    return sb.append(s, from, n).append('"');
  }

  /**
   * The JSON text with every lone surrogate (which Parsson writes raw, inside a string) replaced by
   * its six-character escape; the same string when there is none (the usual case).
   */
  public static String escapeLoneSurrogates(String json) {
    StringBuilder sb = null;
    int from = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
        i++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(json.length() + 16);
      }
      appendUnicodeEscape(sb.append(json, from, i), c);
      from = i + 1;
    }
    return sb == null ? json : sb.append(json, from, json.length()).toString();
  }

  private static void appendUnicodeEscape(StringBuilder sb, char c) {
    String hex = Integer.toHexString(c);
    sb.append("\\u");
    for (int k = hex.length(); k < 4; k++) {
      sb.append('0');
    }
    sb.append(hex);
  }

  /** A finite double as Parsson writes it ({@code BigDecimal.valueOf(d).toString()}: 0.000010, 1.0E+21). */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new NumberFormatException("JSON has no " + d + "; write null for a missing value");
    }
    if (d == 0) {
      return "0.0"; // -0.0 too, as BigDecimal writes it
    }
    // BigDecimal.valueOf(d) is new BigDecimal(Double.toString(d)), which prints a plain decimal back
    // unchanged; only the exponent forms (below 1e-3, from 1e7) need it (0.000010, 1.0E+21)
    String s = Double.toString(d);
    return s.indexOf('E') < 0 ? s : java.math.BigDecimal.valueOf(d).toString();
  }
}
