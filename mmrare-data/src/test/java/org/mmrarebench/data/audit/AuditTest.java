package org.mmrarebench.data.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.DatasetInfo;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.ItemCore;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.data.orphanet.Orphanet;

/** The sample audits clean; each crafted leak, misalignment and unknown code is reported where it is. */
class AuditTest {
  static final Orphanet O = Orphanet.bundled();

  static ItemCore core(Track t, String index, String question, String answer, String context,
      List<ImageRef> images, Map<String, String> figures) {
    return new ItemCore(t, index, question, answer, context, images, figures, 0);
  }

  static ImageRef img(String name, int seed) {
    return ImageRef.ofBytes(name, ImageRef.Origin.BASE64, "test", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) seed});
  }

  static Finding only(Audit.Report r, String kind) {
    List<Finding> f = r.findings().stream().filter(x -> x.kind().equals(kind)).toList();
    assertEquals(1, f.size(), () -> kind + " in " + r.findings());
    return f.get(0);
  }

  @Test
  void theEmbeddedSampleAuditsClean() {
    Audit.Report r = Audit.run(Benchmark.embedded(), O);
    assertTrue(r.clean(), () -> r.findings().toString());
    assertEquals(12, r.alignment().size());
  }

  @Test
  void craftedProblemsAreReportedWithTrackIndexAndField() {
    List<BenchmarkItem> items = List.of(
        new DiagnosisItem(core(Track.DIAGNOSIS, "1", "q", "Alexander disease", "A boy with AxD-like MRI.",
            List.of(img("a", 1)), Map.of()), List.of("AxD"), Optional.of(OrphaCode.of(58)), "c"),
        new DiagnosisItem(core(Track.DIAGNOSIS, "2", "Is this Fabry disease?", "Fabry disease", "c",
            List.of(img("b", 2)), Map.of("Figure 1 (alpha-galactosidase A deficiency)", "x.png")), List.of(),
            Optional.of(OrphaCode.of(324)), "c"),
        new DiagnosisItem(core(Track.DIAGNOSIS, "3", "q", "Wilson disease", "c", List.of(img("c", 3)), Map.of()),
            List.of("Copper storage"), Optional.of(OrphaCode.of(58)), "c"),
        new DiagnosisItem(core(Track.DIAGNOSIS, "4", "q", "Something", "c", List.of(img("d", 4)), Map.of()),
            List.of(), Optional.of(OrphaCode.of(999_999_999)), "c"),
        new DiagnosisItem(core(Track.DIAGNOSIS, "5", "q", "Leukodystrophy", "c", List.of(img("e", 5)), Map.of()),
            List.of(), Optional.of(OrphaCode.of(68356)), "c"),
        new TreatmentItem(core(Track.TREATMENT, "7", "Should we give agalsidase beta?", "plan", "c",
            List.of(img("f", 1)), Map.of()), List.of("Agalsidase beta"), List.of("x")),
        new ExaminationItem(core(Track.EXAMINATION, "9", "Would a brain MRI help?", "workup", "c",
            List.of(img("g", 7)), Map.of()), List.of("Brain MRI"), List.of("flag"), List.of("none")));
    Audit.Report r = Audit.run(Benchmark.of(items, DatasetInfo.inMemory("crafted")), O);
    Finding ctx = only(r, "T1_ANSWER_IN_CONTEXT");
    assertEquals(List.of(Track.DIAGNOSIS, "1", "context"), List.of(ctx.track(), ctx.index(), ctx.field()));
    Finding q = only(r, "T1_ANSWER_IN_QUESTION");
    assertEquals(List.of("2", "question"), List.of(q.index(), q.field()));
    Finding fig = only(r, "T1_ANSWER_IN_FIGURE_MAPPING");
    assertEquals(List.of("2", "figure_mapping"), List.of(fig.index(), fig.field()));
    Finding mismatch = only(r, "ANSWER_CODE_MISMATCH");
    assertEquals(List.of("3", "answer"), List.of(mismatch.index(), mismatch.field()));
    assertEquals(List.of("3", "answer_aliases"), List.of(only(r, "ALIAS_CODE_MISMATCH").index(),
        only(r, "ALIAS_CODE_MISMATCH").field()));
    Finding unknown = only(r, "UNKNOWN_ORPHA_CODE");
    assertEquals(List.of("4", "ORPHA_code"), List.of(unknown.index(), unknown.field()));
    assertEquals("5", only(r, "CODE_TOO_BROAD").index());
    Finding t2 = only(r, "T2_TREATMENT_IN_INPUTS");
    assertEquals(List.of(Track.TREATMENT, "7", "rubric_must_include"), List.of(t2.track(), t2.index(), t2.field()));
    Finding t4 = only(r, "T4_TEST_IN_QUESTION");
    assertEquals(List.of(Track.EXAMINATION, "9", "key_test_names"), List.of(t4.track(), t4.index(), t4.field()));
    Finding reused = only(r, "REUSED_IMAGE");
    assertEquals(List.of(Track.TREATMENT, "7"), List.of(reused.track(), reused.index()));
    assertTrue(reused.detail().contains("diagnosis/1"));
    assertEquals("exact", r.alignment().get("1"));
    assertEquals("mismatch", r.alignment().get("3"));
    assertEquals(Map.of("CODE_TOO_BROAD", 1), Map.of("CODE_TOO_BROAD", r.counts().get("diagnosis").get("CODE_TOO_BROAD")));
  }
}
