package org.mmrarebench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.CrossmodalItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;

/** The embedded sample has what the foundation issue promises. */
class EmbeddedSampleTest {
  private final Benchmark sample = Benchmark.embedded();

  @Test
  void readsCleanlyAndSaysItIsSynthetic() {
    ReadResult r = ReleaseReader.lenient().read(EmbeddedSample.root());
    assertTrue(r.report().isClean(), () -> r.report().problems().toString());
    assertTrue(sample.info().synthetic());
    assertTrue(sample.info().description().contains("synthetic"));
    for (BenchmarkItem i : sample) {
      assertTrue(i.context().contains("SYNTHETIC CASE (not a real patient)"), i.id().toString());
    }
  }

  @Test
  void hasEnoughItemsAndImages() {
    for (Track t : Track.values()) {
      assertTrue(sample.track(t).size() >= 12, t + " has " + sample.track(t).size());
    }
    int fourOrMore = 0;
    for (BenchmarkItem i : sample) {
      int n = i.images().size();
      assertTrue(n >= 1 && n <= 6, i.id() + " has " + n + " images");
      if (n >= 4) {
        fourOrMore++;
      }
    }
    assertTrue(fourOrMore >= 10, "items with 4+ images: " + fourOrMore);
  }

  @Test
  void mixesBase64AndPathImagesOfTwoVisualKinds() {
    Set<ImageRef.Origin> origins = new HashSet<>();
    Set<Integer> pngColorTypes = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    int images = 0;
    for (BenchmarkItem i : sample) {
      for (ImageRef r : i.images()) {
        origins.add(r.origin());
        byte[] b = r.bytes();
        assertTrue(b.length > 10_000, r + " is only " + b.length + " bytes");
        assertEquals(b.length, r.size());
        pngColorTypes.add((int) b[25]);
        hashes.add(r.sha256());
        images++;
      }
    }
    assertEquals(Set.of(ImageRef.Origin.BASE64, ImageRef.Origin.PATH), origins);
    assertEquals(Set.of(0, 2), pngColorTypes, "grayscale radiology-like and colour histology-like images");
    assertEquals(images, hashes.size(), "no image bytes are reused across items or tracks");
  }

  @Test
  void everyRubricListIsFilledAndFigureLabelsAttach() {
    for (BenchmarkItem i : sample) {
      List<List<String>> lists;
      if (i instanceof DiagnosisItem d) {
        lists = List.of(d.aliases());
      } else if (i instanceof TreatmentItem t) {
        lists = List.of(t.mustInclude(), t.mustNot());
      } else if (i instanceof CrossmodalItem c) {
        lists = List.of(c.keyFindings());
      } else {
        ExaminationItem e = (ExaminationItem) i;
        lists = List.of(e.keyTests(), e.redFlags(), e.mustNot());
      }
      lists.forEach(l -> assertFalse(l.isEmpty(), i.id() + " has an empty rubric list"));
      if (i instanceof CrossmodalItem c) {
        assertFalse(c.relationType().isEmpty());
        long labels = Prompts.reference(i).parts().stream()
            .filter(p -> p instanceof Prompt.Text t && t.text().startsWith("Figure ")).count();
        assertEquals(i.images().size(), labels, "every figure label attaches to its image in " + i.id());
      }
      if (i instanceof DiagnosisItem d) {
        assertTrue(d.orphaCode().isPresent());
      }
    }
  }

  @Test
  void theSampleIsReadFromOneContentAddressedFolderNotATemporaryCopy() throws Exception {
    java.nio.file.Path root = EmbeddedSample.root();
    assertEquals("sample-" + EmbeddedSample.sha256().substring(0, 16), root.getFileName().toString());
    assertTrue(java.nio.file.Files.isRegularFile(root.resolve(".complete")));
    assertEquals(root, EmbeddedSample.root());
    Benchmark b = Benchmark.embedded();
    assertTrue(b.info().description().contains(EmbeddedSample.sha256().substring(0, 16)), b.info().description());
    assertEquals(java.util.Optional.of(root.toString()), b.info().root());
  }

  /** The recorded identity is the files' own: change a sample file and this says what to record. */
  @Test
  void theRecordedSha256IsTheSampleFilesOwn() {
    assertEquals(EmbeddedSample.computedSha256(), EmbeddedSample.sha256(),
        "write the first value into mmrare-data/src/main/resources/org/mmrarebench/data/sample/SHA256");
  }
}
