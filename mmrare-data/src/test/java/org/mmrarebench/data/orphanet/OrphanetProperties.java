package org.mmrarebench.data.orphanet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The ASCII fast path of name normalisation gives exactly what the general Unicode path gives. */
class OrphanetProperties {
  static String general(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Property(tries = 2000)
  void asciiNamesNormaliseAsTheGeneralPathDoes(
      @ForAll @StringLength(max = 40) @CharRange(from = 0, to = 127) String name) {
    assertEquals(general(name), Orphanet.normalizeName(name));
  }

  @Property(tries = 500)
  void otherNamesToo(@ForAll @StringLength(max = 20) String name) {
    assertEquals(general(name), Orphanet.normalizeName(name));
  }
}
