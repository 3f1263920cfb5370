package org.mmrarebench.data.orphanet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.testing.Shared;

/** The bundled resource against its source, and the ontology operations. */
class OrphanetTest {
  private final Orphanet o = Orphanet.bundled();

  @Test
  void resourceMatchesItsSource() throws IOException {
    List<Disorder> all = o.disorders();
    assertEquals(9960, all.size());
    assertEquals(13888, all.stream().mapToInt(d -> d.synonyms().size()).sum());
    assertEquals(4335, all.stream().filter(d -> !d.phenotypes().isEmpty()).count());
    // every row of the derived nomenclature table agrees on label, type, synonyms and parents
    Map<Integer, String[]> rows = new HashMap<>();
    for (String line : Files.readAllLines(Shared.external("orphanet/orpha-nomenclature-2025-12.tsv"))) {
      String[] f = line.split("\t", -1);
      if (!f[0].equals("orphacode")) {
        rows.put(Integer.parseInt(f[0]), f);
      }
    }
    assertEquals(9960, rows.size());
    for (Disorder d : all) {
      String[] f = rows.get(d.code().value());
      assertEquals(f[1], d.label());
      assertEquals(f[2], d.type());
      assertEquals(f[3].isEmpty() ? List.of() : List.of(f[3].split(" \\| ")), d.synonyms());
      assertEquals(f[5].isEmpty() ? List.of() : List.of(f[5].split(" \\| ")),
          d.parents().stream().map(c -> Integer.toString(c.value())).toList());
    }
    // and the packets' phenotype counts
    int phenotypes = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Shared.external("orphanet/orphapackets-2025-12.jsonl.gz"))), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int i = -1;
        while ((i = line.indexOf("\"HPOId\"", i + 1)) >= 0) {
          phenotypes++;
        }
      }
    }
    assertEquals(phenotypes, all.stream().mapToInt(d -> d.phenotypes().size()).sum());
    assertTrue(o.release().contains("2025-12-09"));
  }

  @Test
  void lookupAndHierarchy() {
    OrphaCode axd = OrphaCode.of(58);
    assertEquals("Alexander disease", o.get(axd).orElseThrow().label());
    assertEquals(List.of(axd), o.byName("AxD").stream().map(Disorder::code).toList());
    assertEquals(List.of(axd), o.byName("  alexander   DISEASE ").stream().map(Disorder::code).toList());
    assertTrue(o.ancestors(axd).contains(OrphaCode.of(68356)));
    assertTrue(o.descendants(OrphaCode.of(68356)).contains(axd));
    assertEquals(Orphanet.Relation.BROADER, o.relation(OrphaCode.of(68356), axd));
    assertEquals(Orphanet.Relation.NARROWER, o.relation(OrphaCode.of(363717), axd));
    assertEquals(Orphanet.Relation.SAME, o.relation(axd, axd));
    assertEquals(Orphanet.Relation.UNRELATED, o.relation(axd, OrphaCode.of(324)));
    assertTrue(o.get(OrphaCode.of(68356)).orElseThrow().isGrouping() || !o.get(axd).orElseThrow().isGrouping());
  }

  @Test
  void ambiguousNamesReturnEveryCandidate() {
    Map<String, Integer> counts = new HashMap<>();
    for (Disorder d : o.disorders()) {
      d.synonyms().forEach(s -> counts.merge(Orphanet.normalizeName(s), 1, Integer::sum));
    }
    String ambiguous = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).findFirst()
        .orElseThrow();
    assertTrue(o.byName(ambiguous).size() > 1, ambiguous);
  }

  @Test
  void orphaMatchOutcomesForAlexanderDisease() {
    OrphaCode axd = OrphaCode.of(58);
    assertEquals(OrphaMatch.Outcome.EXACT, OrphaMatch.of(o, axd, "AxD").outcome());
    assertEquals(OrphaMatch.Outcome.EXACT, OrphaMatch.of(o, axd, "Alexander disease.").outcome());
    assertEquals(OrphaMatch.Outcome.BROADER, OrphaMatch.of(o, axd, "Leukodystrophy").outcome());
    assertEquals(OrphaMatch.Outcome.NARROWER, OrphaMatch.of(o, axd, "Alexander disease type I").outcome());
    assertEquals(OrphaMatch.Outcome.SIBLING, OrphaMatch.of(o, axd, "Canavan disease").outcome());
    assertEquals(OrphaMatch.Outcome.UNRELATED, OrphaMatch.of(o, axd, "Fabry disease").outcome());
    assertEquals(OrphaMatch.Outcome.UNMAPPED, OrphaMatch.of(o, axd, "a brain problem").outcome());
  }
}
