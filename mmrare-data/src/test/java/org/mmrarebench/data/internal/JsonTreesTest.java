package org.mmrarebench.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The streaming tree reader builds what ObjectMapper.readTree builds with json.loads' settings. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  @Property(tries = 5000)
  void sameTreeOrSameRefusalAsReadTree(@ForAll("texts") String text) {
    JsonNode expected;
    try {
      expected = MAPPER.readTree(text);
    } catch (IOException e) {
      assertThrows(IOException.class, () -> JsonTrees.read(text), text);
      return;
    }
    JsonNode actual;
    try {
      actual = JsonTrees.read(text);
    } catch (IOException e) {
      throw new AssertionError("refused what readTree reads: " + text, e);
    }
    if (expected == null || expected.isMissingNode()) {
      assertEquals(null, actual, text);
    } else {
      assertEquals(expected, actual, text);
      assertEquals(expected.getNodeType(), actual.getNodeType(), text);
      assertEquals(PyValues.repr(expected), PyValues.repr(actual), text);
    }
  }

  @Test
  void duplicateKeysKeepTheLastAsPythonDoes() throws IOException {
    assertEquals("{'a': 2}", PyValues.repr(JsonTrees.read("{\"a\": 1, \"a\": 2}")));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("[", "]", "{", "}", "\"a\"", "\"k\":", ",", " ", "1", "-0", "1.5e3",
        "1e400", "12345678901234567890", "2147483648", "NaN", "-Infinity", "true", "null", "\"\\u00e9\"", "x", "\"");
    return pieces.list().ofMinSize(0).ofMaxSize(14).map(l -> String.join("", l));
  }
}
