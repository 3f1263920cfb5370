package org.mmrarebench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parsing, fast path included, equals the documented forms' regular expression. */
class OrphaCodeTest {
  private static final Pattern FORM = Pattern.compile("(?:ORPHA:|Orphanet_)?([0-9]{1,9})");

  private static Optional<Integer> byRegex(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(m.group(1)));
  }

  @Property(tries = 3000)
  void parseAcceptsExactlyTheDocumentedForms(@ForAll("codes") String text) {
    Optional<Integer> expected = byRegex(text);
    if (expected.isPresent()) {
      assertEquals(OrphaCode.of(expected.get()), OrphaCode.parse(text), text);
    } else {
      assertThrows(IllegalArgumentException.class, () -> OrphaCode.parse(text), text);
    }
  }

  @Provide
  Arbitrary<String> codes() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(11);
    Arbitrary<String> prefix = Arbitraries.of("ORPHA:", "Orphanet_", "", " ORPHA:", "orpha:", "ORPHA: ", "ORPHA:-");
    Arbitrary<String> suffix = Arbitraries.of("", "", " ", "x", "\t");
    return net.jqwik.api.Combinators.combine(prefix, digits, suffix).as((p, d, s) -> p + d + s);
  }
}
