package org.mmrarebench.data.internal;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
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

  // json.loads accepts NaN, Infinity and -Infinity; nothing else beyond strict JSON.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private static final java.util.regex.Pattern PY_INT = java.util.regex.Pattern.compile(" *[+-]?[0-9]+ *");

  /**
   * Whether pandas would read a column with these cells (null = missing) as int64: every cell
   * present and an integer. Such a column's {@code str()} drops leading zeros and plus signs.
   */
  public static boolean isIntColumn(List<String> cells) {
    return !cells.isEmpty() && cells.stream().allMatch(c -> c != null && PY_INT.matcher(c).matches());
  }

  /** {@code str(int(cell))} for a cell of an int64 column. */
  public static String intText(String cell) {
    return new java.math.BigInteger(cell.strip()).toString();
  }

  /** Whether pandas reads this cell text as missing. */
  public static boolean isMissing(String cell) {
    return NA_MARKERS.contains(cell);
  }

  /** {@code json.loads(text)}, or empty when the text is not JSON. */
  public static Optional<JsonNode> parseJson(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n == null || n.isMissingNode() ? Optional.empty() : Optional.of(n);
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
    return listCellNodes(cell).stream().map(PyValues::str).toList();
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
      return List.of(JSON.getNodeFactory().textNode(str(n)));
    }
    List<JsonNode> out = new ArrayList<>();
    for (String piece : text.split(";", -1)) {
      String t = PyText.strip(piece);
      if (!t.isEmpty()) {
        out.add(JSON.getNodeFactory().textNode(t));
      }
    }
    return out;
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

  /** Python's float repr for the common cases (shortest round-trip digits). */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(d);
    if (a != 0 && (a < 1e-4 || a >= 1e16)) {
      String s = new BigDecimal(Double.toString(d)).toString().replace("E", "e");
      String[] parts = s.split("e");
      String mant = parts[0];
      int exp = Integer.parseInt(parts[1]);
      return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    String s = new BigDecimal(Double.toString(d)).toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

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
      } else {
        sb.append(c);
      }
    }
    return sb.append(q).toString();
  }
}
