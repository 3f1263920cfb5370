package org.mmrarebench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.testing.Shared;

/** Every row of ../shared/parity/tracks: the API's prompt equals the reference's messages. */
class PromptParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> rows() throws IOException {
    Path root = Shared.resolve("parity/tracks");
    Benchmark bench = ReleaseReader.lenient().read(root).benchmark();
    List<Arguments> out = new ArrayList<>();
    for (Track t : Track.values()) {
      for (String line : Files.readAllLines(root.resolve(t.folder()).resolve("expected.jsonl"))) {
        JsonNode row = JSON.readTree(line);
        out.add(Arguments.of(t, row.get("index").asText(), row.get("messages"), bench));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rows")
  void promptEqualsReference(Track track, String index, JsonNode expected, Benchmark bench) {
    BenchmarkItem item = bench.get(track, index).orElseThrow(() -> new AssertionError("missing item " + index));
    assertEquals(JSON.valueToTree(expected), JSON.valueToTree(messages(Prompts.reference(item))));
  }

  /** The reference's message form: {type: text, text} or {type: image, name}. */
  static List<Map<String, String>> messages(Prompt prompt) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Text t) {
        out.add(Map.of("type", "text", "text", t.text()));
      } else if (p instanceof Prompt.Image i) {
        out.add(Map.of("type", "image", "name", i.image().name()));
      }
    }
    return out;
  }
}
