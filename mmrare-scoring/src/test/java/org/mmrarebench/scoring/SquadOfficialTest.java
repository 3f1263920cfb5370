package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmrarebench.testing.Shared;

/** SQuAD v1.1 EM/F1 against the official script's figures on the real dev set and leaderboard predictions. */
class SquadOfficialTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Question(String id, List<String> golds) {}

  static List<Question> devQuestions() throws IOException {
    JsonNode dev = JSON.readTree(Shared.external("squad/dev-v1.1.json").toFile());
    List<Question> out = new ArrayList<>();
    for (JsonNode article : dev.get("data")) {
      for (JsonNode para : article.get("paragraphs")) {
        for (JsonNode qa : para.get("qas")) {
          List<String> golds = new ArrayList<>();
          qa.get("answers").forEach(a -> golds.add(a.get("text").asText()));
          out.add(new Question(qa.get("id").asText(), golds));
        }
      }
    }
    return out;
  }

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("bert-ensemble-google-ai-language", 86.20624408703878, 92.19557978351145),
        Arguments.of("logistic-regression-baseline-stanford", 40.14191106906339, 50.98153647324461),
        Arguments.of("slqa-plus-ensemble-alibaba", 81.94891201513718, 88.38386312172166),
        Arguments.of("r-net-plus-ensemble-msra", 82.46925260170293, 88.47785965423249));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void totalsAndPerQuestionValuesMatchTheOfficialScript(String model, double em, double f1) throws IOException {
    List<Question> questions = devQuestions();
    assertEquals(10570, questions.size());
    JsonNode predictions = JSON.readTree(Shared.external("squad/predictions/" + model + ".json").toFile());
    List<String> expected = Files.readAllLines(Shared.external("squad/expected/" + model + ".per-question.tsv"));
    double emSum = 0;
    double f1Sum = 0;
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String[] row = expected.get(i + 1).split("\t");
      assertEquals(q.id(), row[0]);
      JsonNode p = predictions.get(q.id());
      double qEm = 0;
      double qF1 = 0;
      if (p != null) {
        qEm = TokenF1.maxExactMatch(q.golds(), p.asText(), TokenF1.Variant.SQUAD_V1);
        qF1 = TokenF1.maxF1(q.golds(), p.asText(), TokenF1.Variant.SQUAD_V1);
      }
      assertEquals(Double.parseDouble(row[1]), qEm, 0.0, () -> "EM of " + q.id());
      assertEquals(Double.parseDouble(row[2]), qF1, 1e-12, () -> "F1 of " + q.id());
      emSum += qEm;
      f1Sum += qF1;
    }
    assertEquals(em, 100.0 * emSum / questions.size(), 1e-9);
    assertEquals(f1, 100.0 * f1Sum / questions.size(), 1e-9);
  }

  @Test
  void edgeCasesMatchTheOfficialV1AndV2Functions() throws IOException {
    Path file = Shared.external("squad/expected/edge-cases.json");
    JsonNode cases = JSON.readTree(file.toFile()).get("cases");
    for (JsonNode c : cases) {
      List<String> golds = new ArrayList<>();
      c.get("golds").forEach(g -> golds.add(g.asText()));
      String pred = c.get("prediction").asText();
      assertEquals(c.get("normalized_prediction").asText(), TokenF1.normalize(pred), () -> "normalize " + c);
      assertEquals(c.get("squad_v11_em").asDouble(), TokenF1.maxExactMatch(golds, pred, TokenF1.Variant.SQUAD_V1), 0,
          () -> "v1 EM " + c);
      assertEquals(c.get("squad_v11_f1").asDouble(), TokenF1.maxF1(golds, pred, TokenF1.Variant.SQUAD_V1), 1e-12,
          () -> "v1 F1 " + c);
      assertEquals(c.get("squad_v20_em").asDouble(), TokenF1.maxExactMatch(golds, pred, TokenF1.Variant.SQUAD_V2), 0,
          () -> "v2 EM " + c);
      assertEquals(c.get("squad_v20_f1").asDouble(), TokenF1.maxF1(golds, pred, TokenF1.Variant.SQUAD_V2), 1e-12,
          () -> "v2 F1 " + c);
    }
  }
}
