package org.mmrarebench.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link PyValues} (plain integers without regex or BigInteger, text rejected
 * at its first character) against the regex definitions they replace, which were checked against
 * pandas 1.5: same dtype, same text, same index reading, for strings made of the characters that
 * matter (signs, digits, points, exponents, spaces, the letters of inf and of the bools).
 */
class PyValuesFastPathTest {
  @Property(tries = 3000)
  void dtypeAndTextEqualTheRegexDefinition(@ForAll("columns") List<String> cells) {
    PyValues.Dtype dtype = PyValues.dtype(cells);
    assertEquals(Slow.dtype(cells), dtype, () -> "cells " + cells);
    for (String c : cells) {
      if (c != null && dtype != PyValues.Dtype.OBJECT && dtype != PyValues.Dtype.FLOAT64) {
        assertEquals(Slow.text(c, dtype), PyValues.text(c, dtype), () -> "cell '" + c + "'");
      }
    }
    assertEquals(Slow.isIntColumn(cells), PyValues.isIntColumn(cells), () -> "cells " + cells);
    if (PyValues.isIntColumn(cells)) {
      cells.forEach(c -> assertEquals(new BigInteger(c.strip()).toString(), PyValues.intText(c), c));
    }
  }

  @Property(tries = 2000)
  void canonicalIntsAreTheirOwnText(@ForAll("cells") String c) {
    if (PyValues.canonicalInt(c)) {
      assertEquals(c, new BigInteger(c).toString());
    }
  }

  @Property(tries = 5000)
  void plainListsReadAsTheJsonParserReadsThem(@ForAll("listCells") String cell) {
    assertEquals(PyValues.listCellByParser(Optional.of(cell)), PyValues.listCell(Optional.of(cell)),
        () -> "cell " + cell);
  }

  /** What Python 3.11's {@code json.loads} makes of these, through the reference's list-cell rule. */
  @Test
  void textAfterTheValueIsNotJsonAsInPython() {
    assertEquals(List.of("[\"a\"] x"), PyValues.listCell(Optional.of("[\"a\"] x")));   // Extra data
    assertEquals(List.of("[\"a\"]]"), PyValues.listCell(Optional.of("[\"a\"]]")));
    assertEquals(List.of("1 2"), PyValues.listCell(Optional.of("1 2")));
    assertEquals(List.of("{\"a\": 1} {}"), PyValues.listCell(Optional.of("{\"a\": 1} {}")));
    assertEquals(List.of("[\"a\",]"), PyValues.listCell(Optional.of("[\"a\",]")));      // no trailing commas
    assertEquals(List.of("+Infinity"), PyValues.listCell(Optional.of("+Infinity")));
    assertEquals(List.of("a", "b"), PyValues.listCell(Optional.of(" [\"a\",\t\"b\"]\r\n")));
    assertEquals(List.of("1", "a", "inf", "nan"), PyValues.listCell(Optional.of("[1, \"a\", Infinity, NaN]")));
    assertEquals(List.of(), PyValues.listCell(Optional.of("[ ]")));
    assertEquals(List.of("[\"\"alias 0\"\"]"), PyValues.listCell(Optional.of("[\"\"alias 0\"\"]")));
    assertEquals(Optional.empty(), PyValues.parseJson("[\"a\"] x"));
  }

  @Provide
  Arbitrary<String> listCells() {
    Arbitrary<String> pieces = Arbitraries.of("[", "]", "\"", "\"", ",", " ", "\t", "\n", "a", "b c", ";", "\\",
        "\\\"", "1", "{", "}", ":", "\u00e9", "\u00a0", "NaN", "x", "\u0001", "[\"a\", \"b\"]");
    return pieces.list().ofMinSize(0).ofMaxSize(12).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> numberish = Arbitraries.strings().withChars(" +-0123456789.eE\t").ofMinLength(0).ofMaxLength(22);
    Arbitrary<String> digits = Arbitraries.strings().withChars("-0123456789").ofMinLength(1).ofMaxLength(21);
    Arbitrary<String> words = Arbitraries.of("inf", "-Infinity", " INF ", "True", "false", "FALSE", "nan", "x1",
        "1x", "i", "1e400", "18446744073709551615", "18446744073709551616", "-9223372036854775809",
        "9223372036854775808", "0x10", "1_000", "\u0661", "+0", "-0", "007");
    return Arbitraries.oneOf(numberish, digits, words);
  }

  @Provide
  Arbitrary<List<String>> columns() {
    return cells().injectNull(0.1).list().ofMinSize(1).ofMaxSize(4);
  }

  /** The regex and BigInteger definitions of 0.2's first version, verbatim. */
  private static final class Slow {
    static final Pattern PY_INT = Pattern.compile(" *[+-]?[0-9]+ *");
    static final Pattern PD_INT = Pattern.compile("\\s*[+-]?[0-9]+\\s*");
    static final Pattern PD_FLOAT = Pattern.compile(
        "\\s*[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity))\\s*");
    static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final Set<String> TRUE_VALUES = Set.of("True", "TRUE", "true");
    static final Set<String> FALSE_VALUES = Set.of("False", "FALSE", "false");

    static boolean isIntColumn(List<String> cells) {
      return !cells.isEmpty() && cells.stream().allMatch(c -> c != null && PY_INT.matcher(c).matches());
    }

    static PyValues.Dtype dtype(List<String> cells) {
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
        if (allInt && PD_INT.matcher(c).matches()) {
          BigInteger v = new BigInteger(c.strip().replace("+", ""));
          negative |= v.signum() < 0;
          if (v.compareTo(INT64_MIN) < 0 || v.compareTo(UINT64_MAX) > 0) {
            allInt = false;
            allFloat = false;
          } else if (v.compareTo(INT64_MAX) > 0) {
            beyondInt64 = true;
          }
        } else {
          allInt = false;
        }
        if (allFloat && !floatCell(c)) {
          allFloat = false;
        }
        allBool &= TRUE_VALUES.contains(c) || FALSE_VALUES.contains(c);
      }
      if (present == 0) {
        return anyMissing ? PyValues.Dtype.FLOAT64 : PyValues.Dtype.OBJECT;
      }
      if (allInt && !anyMissing) {
        return beyondInt64 ? (negative ? PyValues.Dtype.OBJECT : PyValues.Dtype.UINT64) : PyValues.Dtype.INT64;
      }
      if (allFloat && !(allInt && beyondInt64)) {
        return PyValues.Dtype.FLOAT64;
      }
      if (allBool && !anyMissing) {
        return PyValues.Dtype.BOOL;
      }
      return PyValues.Dtype.OBJECT;
    }

    static boolean floatCell(String c) {
      if (!PD_FLOAT.matcher(c).matches()) {
        return false;
      }
      String t = c.strip().toLowerCase(Locale.ROOT);
      double v = t.matches("[+-]?inf(inity)?") ? Double.POSITIVE_INFINITY : Double.parseDouble(t);
      return Double.isFinite(v) || t.matches("[+-]?inf(inity)?");
    }

    static String text(String cell, PyValues.Dtype dtype) {
      return switch (dtype) {
        case INT64, UINT64 -> new BigInteger(cell.strip().replace("+", "")).toString();
        case BOOL -> TRUE_VALUES.contains(cell) ? "True" : "False";
        default -> cell;
      };
    }
  }
}
