package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with benchmark data: where it is (file, line, column or field, item index),
 * what is wrong and how to fix it.
 *
 * @param severity whether the row or value was dropped ({@link Severity#ERROR}) or kept
 * @param kind a stable machine-readable code, for example {@code DUPLICATE_INDEX}
 * @param file the file the problem is in, as the user gave it
 * @param line 1-based physical line where the row or cell starts, or empty
 * @param field the column or field name, or empty
 * @param itemIndex the item's {@code index} value, or empty when the row has none yet
 * @param message what is wrong, with the offending value
 * @param fix how to fix it
 */
public record Problem(
    Severity severity,
    String kind,
    String file,
    OptionalInt line,
    Optional<String> field,
    Optional<String> itemIndex,
    String message,
    String fix) {

  /** How bad a problem is. */
  public enum Severity {
    /** The row, cell or image was not used. */
    ERROR,
    /** Everything was kept, but the data is probably not what the author meant. */
    WARNING
  }

  /** Validates that every part is present and that the line is 1-based. */
  public Problem {
    checkNotNull(severity, "severity");
    checkNotNull(kind, "kind");
    checkNotNull(file, "file");
    checkNotNull(line, "line");
    checkNotNull(field, "field");
    checkNotNull(itemIndex, "itemIndex");
    checkNotNull(message, "message");
    checkNotNull(fix, "fix");
    checkArgument(line.isEmpty() || line.getAsInt() >= 1, "line must be 1-based, was %s", line);
  }

  /** An error located at a line and field of a file, for the given item (may be null if unknown). */
  public static Problem error(String kind, String file, int line, @Nullable String field, @Nullable String itemIndex,
      String message, String fix) {
    return new Problem(Severity.ERROR, kind, file, line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
        Optional.ofNullable(field), Optional.ofNullable(itemIndex), message, fix);
  }

  /** A warning located at a line and field of a file, for the given item (may be null if unknown). */
  public static Problem warning(String kind, String file, int line, @Nullable String field,
      @Nullable String itemIndex,
      String message, String fix) {
    return new Problem(Severity.WARNING, kind, file, line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
        Optional.ofNullable(field), Optional.ofNullable(itemIndex), message, fix);
  }

  /** One line: {@code file:line [field] (item index): message. Fix: ...}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity == Severity.ERROR ? "error" : "warning").append(' ').append(kind).append(" at ").append(file);
    line.ifPresent(l -> sb.append(':').append(l));
    field.ifPresent(f -> sb.append(", column '").append(f).append('\''));
    itemIndex.ifPresent(i -> sb.append(", item index ").append(i));
    sb.append(": ").append(message);
    if (!fix.isEmpty()) {
      sb.append(" Fix: ").append(fix);
    }
    return sb.toString();
  }
}
