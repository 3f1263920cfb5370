package org.mmrarebench.data.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mmrarebench.core.internal.PyText;

/**
 * Python and pandas value semantics the reference scorer relies on: pandas' default missing-value
 * markers, {@code json.loads}, {@code str()} of parsed JSON values and the reference's list cells.
 */
public final class PyValues {
  private PyValues() {}

  /** pandas' default {@code na_values}: a cell whose whole text is one of these is missing. */
  public static final Set<String> NA_MARKERS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
      "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

  /** What a missing value becomes when the reference turns it into text. */
  public static final String NAN = "nan";

  private static final java.util.regex.Pattern PY_INT = java.util.regex.Pattern.compile(" *[+-]?[0-9]+ *");

  /**
   * Whether pandas would read a column with these cells (null = missing) as int64: every cell
   * present and an integer. Such a column's {@code str()} drops leading zeros and plus signs.
   */
  public static boolean isIntColumn(List<String> cells) {
    for (String c : cells) {
      if (c == null || !(canonicalInt(c) || PY_INT.matcher(c).matches())) {
        return false;
      }
    }
    return !cells.isEmpty();
  }

  /** {@code str(int(cell))} for a cell of an int64 column. */
  public static String intText(String cell) {
    return canonicalInt(cell) ? cell : new java.math.BigInteger(cell.strip()).toString();
  }

  /**
   * Whether {@code c} is an integer written as Python prints it ({@code 0}, {@code 42},
   * {@code -7}: no sign but a minus, no leading zero, no spaces) with at most 18 digits, so within
   * int64: such a cell is its own {@code str(int(c))}, with no regex or BigInteger needed (the
   * common case: index and code columns).
   */
  static boolean canonicalInt(String c) {
    int n = c.length();
    int i = n > 0 && c.charAt(0) == '-' ? 1 : 0;
    int digits = n - i;
    if (digits < 1 || digits > 18 || (c.charAt(i) == '0' && (digits > 1 || i == 1))) {
      return false;
    }
    for (int k = i; k < n; k++) {
      char ch = c.charAt(k);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code c} could be an int or a float to pandas at all: its first character is
   * whitespace, a sign, a point, a digit or the {@code i} of {@code inf}. Most text fails at once.
   */
  private static boolean mayBeNumber(String c) {
    if (c.isEmpty()) {
      return false;
    }
    char ch = c.charAt(0);
    return ch >= '0' && ch <= '9' || ch == '+' || ch == '-' || ch == '.' || ch == 'i' || ch == 'I' || ch == ' '
        || (ch >= '\t' && ch <= '\r');
  }

  /** The dtype pandas' C parser gives a column. */
  public enum Dtype {
    /** int64: every cell present and an integer in range. */
    INT64,
    /** uint64: every cell present, an integer, some beyond int64 but none beyond uint64 or negative. */
    UINT64,
    /** float64: every present cell a number, or integers with some cells missing. */
    FLOAT64,
    /** bool: every cell present and True/TRUE/true/False/FALSE/false. */
    BOOL,
    /** object: text, kept as it is. */
    OBJECT
  }

  private static final java.util.regex.Pattern PD_INT = java.util.regex.Pattern.compile("\\s*[+-]?[0-9]+\\s*");
  private static final java.util.regex.Pattern PD_FLOAT = java.util.regex.Pattern.compile(
      "\\s*[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity))\\s*");
  private static final java.util.regex.Pattern INFINITY = java.util.regex.Pattern.compile("[+-]?inf(inity)?");
  private static final java.math.BigInteger INT64_MIN = java.math.BigInteger.valueOf(Long.MIN_VALUE);
  private static final java.math.BigInteger INT64_MAX = java.math.BigInteger.valueOf(Long.MAX_VALUE);
  private static final java.math.BigInteger UINT64_MAX = java.math.BigInteger.ONE.shiftLeft(64).subtract(
      java.math.BigInteger.ONE);
  private static final Set<String> TRUE_VALUES = Set.of("True", "TRUE", "true");
  private static final Set<String> FALSE_VALUES = Set.of("False", "FALSE", "false");

  /**
   * The dtype pandas 1.5 infers for a column with these cells (null = missing), checked against
   * pandas: leading and trailing spaces are allowed around numbers, {@code 1,000}, {@code 0x10},
   * {@code 1_000} and non-ASCII digits are text, a float that overflows ({@code 1e400}) makes the
   * column text, and a column of bools with a missing cell is text.
   */
  public static Dtype dtype(List<String> cells) {
    boolean anyMissing = false;
    boolean allInt = true;
    boolean allFloat = true;
    boolean allBool = true;
    boolean beyondInt64 = false;
    boolean negative = false;
    int present = 0;
    for (String c : cells) {
      if (c == null) {
        anyMissing = true;
        continue;
      }
      present++;
      if (canonicalInt(c)) {
        // the fast path of the branches below: an int64, so also a float, never a bool
        negative |= c.charAt(0) == '-';
        allBool = false;
        continue;
      }
      boolean number = mayBeNumber(c);
      if (allInt && number && PD_INT.matcher(c).matches()) {
        java.math.BigInteger v = new java.math.BigInteger(c.strip().replace("+", ""));
        negative |= v.signum() < 0;
        if (v.compareTo(INT64_MIN) < 0 || v.compareTo(UINT64_MAX) > 0) {
          allInt = false;
          allFloat = false; // pandas leaves such a column as text
        } else if (v.compareTo(INT64_MAX) > 0) {
          beyondInt64 = true;
        }
      } else {
        allInt = false;
      }
      if (allFloat && !(number && floatCell(c))) {
        allFloat = false;
      }
      allBool = allBool && (TRUE_VALUES.contains(c) || FALSE_VALUES.contains(c));
    }
    if (present == 0) {
      return anyMissing ? Dtype.FLOAT64 : Dtype.OBJECT;
    }
    if (allInt && !anyMissing) {
      return beyondInt64 ? (negative ? Dtype.OBJECT : Dtype.UINT64) : Dtype.INT64;
    }
    if (allFloat && !(allInt && beyondInt64)) {
      return Dtype.FLOAT64;
    }
    if (allBool && !anyMissing) {
      return Dtype.BOOL;
    }
    return Dtype.OBJECT;
  }

  /** A cell pandas reads as a float: a number that does not overflow, or an explicit infinity. */
  private static boolean floatCell(String c) {
    if (!PD_FLOAT.matcher(c).matches()) {
      return false;
    }
    double v = parseFloat(c);
    return Double.isFinite(v) || INFINITY.matcher(c.strip().toLowerCase(java.util.Locale.ROOT)).matches();
  }

  private static double parseFloat(String c) {
    String t = c.strip().toLowerCase(java.util.Locale.ROOT);
    if (INFINITY.matcher(t).matches()) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }

  /**
   * {@code str()} of a present cell of a column of this dtype, as the reference sees it: integers
   * without sign or leading zeros, floats as Python's repr ({@code 42.0}, {@code 100000.0}),
   * bools as {@code True}/{@code False}, text unchanged. (pandas' float parser can differ from a
   * correctly rounded one in the 17th significant digit; validate warns about float columns.)
   */
  public static String text(String cell, Dtype dtype) {
    return switch (dtype) {
      case INT64, UINT64 -> canonicalInt(cell) ? cell
          : new java.math.BigInteger(cell.strip().replace("+", "")).toString();
      case FLOAT64 -> floatRepr(parseFloat(cell));
      case BOOL -> TRUE_VALUES.contains(cell) ? "True" : "False";
      case OBJECT -> cell;
    };
  }

  /** Whether pandas reads this cell text as missing. */
  public static boolean isMissing(String cell) {
    return NA_MARKERS.contains(cell);
  }

  /** {@code json.loads(text)}, or empty when the text is not JSON. */
  public static Optional<JsonNode> parseJson(String text) {
    if (!mayBeJson(text) || pythonRejectsNumbers(text)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JsonTrees.read(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The reference's list cell: a JSON list as is (elements turned into text with Python's
   * {@code str()}), another JSON value as a one-element list of its text, other text split on
   * {@code ;} with pieces trimmed and empty pieces dropped; a missing cell is an empty list.
   */
  public static List<String> listCell(Optional<String> cell) {
    if (cell.isPresent()) {
      // the common cell, a list of plain strings, needs no JSON parser (nor its exceptions when invalid)
      List<String> plain = plainStringList(cell.get());
      if (plain == NOT_JSON) {
        return splitCell(cell.get());
      }
      if (plain != null) {
        return plain;
      }
    }
    return listCellNodes(cell).stream().map(PyValues::str).toList();
  }

  /** {@link #listCell} through the JSON parser only: the definition {@link #plainStringList} must agree with. */
  static List<String> listCellByParser(Optional<String> cell) {
    return listCellNodes(cell).stream().map(PyValues::str).toList();
  }

  /** The result of {@link #plainStringList} for text that {@code json.loads} rejects. */
  private static final List<String> NOT_JSON = List.of("not JSON");

  /**
   * {@code json.loads(text)} for a JSON list of strings without escapes or control characters:
   * the strings; {@link #NOT_JSON} where the text is certainly not JSON (text after a string or
   * after the list's end); null for anything else, which the JSON parser decides.
   */
  static List<String> plainStringList(String s) {
    int n = s.length();
    int i = skipJsonSpace(s, 0);
    if (i >= n || s.charAt(i) != '[') {
      return null;
    }
    List<String> out = new ArrayList<>();
    i = skipJsonSpace(s, i + 1);
    if (i < n && s.charAt(i) == ']') {
      return skipJsonSpace(s, i + 1) == n ? List.copyOf(out) : NOT_JSON;
    }
    while (true) {
      if (i >= n || s.charAt(i) != '"') {
        return null;
      }
      int j = i + 1;
      while (j < n && s.charAt(j) != '"') {
        char c = s.charAt(j);
        if (c == '\\' || c < 0x20) {
          return null;
        }
        j++;
      }
      if (j >= n) {
        return null;
      }
      out.add(s.substring(i + 1, j));
      i = skipJsonSpace(s, j + 1);
      if (i >= n) {
        return null;
      }
      char c = s.charAt(i);
      if (c == ']') {
        return skipJsonSpace(s, i + 1) == n ? List.copyOf(out) : NOT_JSON;
      }
      if (c != ',') {
        return NOT_JSON;
      }
      i = skipJsonSpace(s, i + 1);
    }
  }

  /** The first index at or after {@code i} that is not JSON whitespace (space, tab, LF, CR: Python's set). */
  private static int skipJsonSpace(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Whether {@code json.loads} could accept the text at all: its first character after JSON
   * whitespace starts a value ({@code { [ " -}, a digit, {@code true false null NaN Infinity}).
   * Other text is not parsed (a parse failure costs an exception).
   */
  private static boolean mayBeJson(String text) {
    int i = skipJsonSpace(text, 0);
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n'
        || c == 'N' || c == 'I';
  }

  /**
   * Whether the text, outside its strings, holds a non-numeric number Jackson takes and Python's
   * {@code json.loads} refuses: {@code +Infinity} or {@code INF} (Python knows only {@code NaN},
   * {@code Infinity} and {@code -Infinity}). A {@code +} is only ever part of an exponent in JSON.
   */
  private static boolean pythonRejectsNumbers(String text) {
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '+' && (i == 0 || (text.charAt(i - 1) != 'e' && text.charAt(i - 1) != 'E'))) {
        return true;
      } else if (c == 'I' && text.startsWith("INF", i)) {
        return true;
      }
    }
    return false;
  }

  /** The reference's rule for a cell that is not JSON: split on {@code ;}, pieces trimmed, empty ones dropped. */
  private static List<String> splitCell(String text) {
    List<String> out = new ArrayList<>();
    for (String piece : text.split(";", -1)) {
      String t = PyText.strip(piece);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** Like {@link #listCell} but keeps the JSON elements, for cells whose elements may be objects. */
  public static List<JsonNode> listCellNodes(Optional<String> cell) {
    if (cell.isEmpty() || cell.get().isEmpty()) {
      return List.of();
    }
    String text = cell.get();
    Optional<JsonNode> parsed = parseJson(text);
    if (parsed.isPresent()) {
      JsonNode n = parsed.get();
      if (n.isArray()) {
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
      }
      return List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(str(n)));
    }
    return splitCell(text).stream().<JsonNode>map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList();
  }

  /** Python's {@code str()} of a parsed JSON value. */
  public static String str(JsonNode n) {
    return n.isTextual() ? n.textValue() : repr(n);
  }

  /** Python's {@code repr()} of a parsed JSON value (used inside containers). */
  public static String repr(JsonNode n) {
    if (n.isTextual()) {
      return reprString(n.textValue());
    }
    if (n.isNull()) {
      return "None";
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "True" : "False";
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      return floatRepr(n.doubleValue());
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      Iterator<JsonNode> it = n.elements();
      while (it.hasNext()) {
        sb.append(repr(it.next()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append(']').toString();
    }
    StringBuilder sb = new StringBuilder("{");
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append(reprString(e.getKey())).append(": ").append(repr(e.getValue()));
      if (it.hasNext()) {
        sb.append(", ");
      }
    }
    return sb.append('}').toString();
  }

  /**
   * Python's {@code repr(float)} (and {@code str}, the same since Python 3.2): the shortest digits
   * that read back as the same double (jackson-core's Schubfach, as Python's dtoa mode 0), in
   * positional notation when the decimal point falls within -4 < decpt <= 16, else {@code 1e+16}
   * style with a signed exponent of at least two digits; {@code nan}, {@code inf}, {@code -0.0}.
   */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Schubfach prints Java style ("1.0E20", "123.45", "1.0E-5"); take its digits and exponent.
    // NumberOutput's fast writer is Schubfach through jackson-core's exported API (its schubfach
    // package is not exported to named modules).
    String j = com.fasterxml.jackson.core.io.NumberOutput.toString(Math.abs(d), true);
    int e = j.indexOf('E');
    String mant = e < 0 ? j : j.substring(0, e);
    int exp10 = e < 0 ? 0 : Integer.parseInt(j.substring(e + 1));
    int dot = mant.indexOf('.');
    String digits = dot < 0 ? mant : mant.substring(0, dot) + mant.substring(dot + 1);
    int pointAfter = (dot < 0 ? mant.length() : dot) + exp10; // decimal point after this many digits
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    pointAfter -= lead;
    int trail = digits.length();
    while (trail > 1 && digits.charAt(trail - 1) == '0') {
      trail--;
    }
    digits = digits.substring(0, trail);
    int decpt = pointAfter; // value = 0.DIGITS x 10^decpt, as in Python's float_repr
    if (digits.length() == 2) {
      // Java's toString may prefer a closer 2-digit decimal where a 1-digit one also reads back
      // (4.9E-324 for 5e-324); Python always takes the shortest.
      double a = Math.abs(d);
      int first = digits.charAt(0) - '0';
      String best = null;
      int bestDecpt = 0;
      java.math.BigDecimal bestDist = null;
      for (int cand = first; cand <= first + 1; cand++) {
        String cd = cand == 10 ? "1" : Integer.toString(cand);
        int cp = cand == 10 ? decpt + 1 : decpt;
        java.math.BigDecimal value = new java.math.BigDecimal(java.math.BigInteger.valueOf(Long.parseLong(cd)), 1 - cp);
        if (value.doubleValue() == a) {
          java.math.BigDecimal dist = value.subtract(new java.math.BigDecimal(a)).abs();
          if (bestDist == null || dist.compareTo(bestDist) < 0) {
            best = cd;
            bestDecpt = cp;
            bestDist = dist;
          }
        }
      }
      if (best != null) {
        digits = best;
        decpt = bestDecpt;
      }
    }
    StringBuilder sb = new StringBuilder(24);
    if (d < 0) {
      sb.append('-');
    }
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int x = decpt - 1;
      sb.append('e').append(x < 0 ? '-' : '+');
      if (Math.abs(x) < 10) {
        sb.append('0');
      }
      sb.append(Math.abs(x));
    } else if (decpt <= 0) {
      sb.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt >= digits.length()) {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return sb.toString();
  }

  /** Python's {@code repr(str)}: quotes chosen as Python chooses them, non-printable characters escaped. */
  private static String reprString(String s) {
    char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = s.codePointAt(i);
        i++;
        if (printable(cp)) {
          sb.appendCodePoint(cp);
        } else {
          sb.append(String.format(java.util.Locale.ROOT, "\\U%08x", cp));
        }
      } else if (!printable(c) || Character.isSurrogate(c)) {
        sb.append(c < 0x100 ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c)
            : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(q).toString();
  }

  /** Python's {@code str.isprintable()} for one code point: not Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs (space excepted). */
  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    int t = Character.getType(cp);
    return t != Character.CONTROL && t != Character.FORMAT && t != Character.SURROGATE && t != Character.PRIVATE_USE
        && t != Character.UNASSIGNED && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
        && t != Character.SPACE_SEPARATOR;
  }
}
