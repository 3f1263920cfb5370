package org.mmrarebench.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the command line shows plain values to a person: counts with their noun, maps as indented lines. */
final class Text {
  private Text() {}

  /** {@code 1 error}, {@code 2 errors}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
  }

  /** {@code image/png 45, image/jpeg 3}: a small map on one line. */
  static String inline(Map<?, ?> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(value(v)));
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /** Nested maps and lists as indented {@code key: value} lines. */
  static void lines(StringBuilder out, Map<?, ?> m, int indent) {
    String pad = " ".repeat(indent);
    m.forEach((k, v) -> {
      String key = String.valueOf(k).replace('_', ' ');
      if (v instanceof Map<?, ?> sub && sub.values().stream().anyMatch(x -> x instanceof Map || x instanceof List)) {
        out.append(pad).append(key).append(":\n");
        lines(out, sub, indent + 2);
      } else if (v instanceof Map<?, ?> sub) {
        out.append(pad).append(key).append(": ").append(inline(sub)).append('\n');
      } else if (v instanceof List<?> l) {
        out.append(pad).append(key).append(": ").append(l.isEmpty() ? "-" : String.join("; ",
            l.stream().map(Text::value).toList())).append('\n');
      } else {
        out.append(pad).append(key).append(": ").append(value(v)).append('\n');
      }
    });
  }

  private static String value(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%.4g", d);
    }
    if (v instanceof Map<?, ?> m) {
      return inline(m);
    }
    return String.valueOf(v);
  }
}
