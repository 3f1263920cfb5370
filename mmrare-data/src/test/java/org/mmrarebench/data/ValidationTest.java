package org.mmrarebench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;

/** Every problem the issue names is reported with its location, and good rows are kept. */
class ValidationTest {
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC");
  static final String PNG64 = Base64.getEncoder().encodeToString(PNG);

  @TempDir Path root;

  Path write(Track t, String... lines) throws IOException {
    Path dir = root.resolve(t.folder());
    Files.createDirectories(dir.resolve("images"));
    Path f = dir.resolve(t.fileName());
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  static String imgs(String... b64) {
    StringBuilder sb = new StringBuilder("\"[");
    for (int i = 0; i < b64.length; i++) {
      sb.append(i == 0 ? "" : ", ").append("\"\"").append(b64[i]).append("\"\"");
    }
    return sb.append("]\"").toString();
  }

  Problem only(ReadResult r, String kind) {
    List<Problem> ps = r.report().problems().stream().filter(p -> p.kind().equals(kind)).toList();
    assertEquals(1, ps.size(), () -> kind + " in " + r.report().problems());
    return ps.get(0);
  }

  @Test
  void badRowsAreReportedWithLocationAndGoodRowsKept() throws IOException {
    Path f = write(Track.DIAGNOSIS,
        "index\tquestion\tanswer\tcontext\timage\tanswer_aliases\tORPHA_code\tcategory",
        "0\tq\tAlexander disease\tc\t" + imgs(PNG64) + "\tAxD\tORPHA:58\tRare neurologic disease",
        "1\tq\tFabry disease\tc\t" + imgs("!!!notbase64=x") + "\t\t324\tcat",
        "2\tq\tGaucher disease\tc\t" + imgs(Base64.getEncoder().encodeToString("hello, not an image".getBytes()))
            + "\t\tOrphanet_355\tcat",
        "0\tq\tduplicate\tc\t" + imgs(PNG64) + "\t\t558\tcat",
        "4\tq\tMarfan syndrome\tc\t" + imgs(PNG64) + "\t\tORPHA:abc\tcat",
        "5\tq\tNo images\tc\t\t\t905\tcat");
    ReadResult r = ReleaseReader.lenient().read(root);
    assertEquals(List.of("0", "1", "2", "4", "5"), r.benchmark().stream().map(BenchmarkItem::index).toList());
    Problem dup = only(r, "DUPLICATE_INDEX");
    assertEquals(f.toString(), dup.file());
    assertEquals(5, dup.line().getAsInt());
    assertEquals(Optional.of("index"), dup.field());
    assertEquals(Optional.of("0"), dup.itemIndex());
    Problem b64 = only(r, "UNDECODABLE_BASE64");
    assertEquals(3, b64.line().getAsInt());
    assertEquals(Optional.of("1"), b64.itemIndex());
    assertEquals(Optional.of("image"), b64.field());
    Problem notImage = only(r, "NOT_AN_IMAGE");
    assertEquals(Optional.of("2"), notImage.itemIndex());
    Problem orpha = only(r, "INVALID_ORPHA_CODE");
    assertEquals(Optional.of("4"), orpha.itemIndex());
    assertEquals(Optional.of("ORPHA_code"), orpha.field());
    assertTrue(orpha.message().contains("ORPHA:abc") && orpha.fix().contains("ORPHA:558"));
    assertEquals(Problem.Severity.WARNING, r.report().problems().stream()
        .filter(p -> p.kind().equals("NO_IMAGES") && p.itemIndex().equals(Optional.of("5"))).findFirst().orElseThrow()
        .severity());
    // strict reading fails on the first error, with the same description
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> ReleaseReader.strict().read(root));
    assertEquals("UNDECODABLE_BASE64", e.problems().get(0).kind());
    assertTrue(e.getMessage().contains(f + ":3"), e.getMessage());
  }

  @Test
  void missingRequiredColumnAndUnterminatedQuote() throws IOException {
    write(Track.TREATMENT, "index\tquestion\tcontext", "0\tq\tc");
    write(Track.EXAMINATION,
        "index\tquestion\tanswer\tcontext\timage\tkey_test_names\tred_flags_to_rule_out\tmust_not",
        "0\tq\ta\tc\t" + imgs(PNG64) + "\tMRI\tflag\tnone",
        "1\tq\ta\t\"never closed",
        "2\tq\ta\tc");
    ReadResult r = ReleaseReader.lenient().read(root);
    Problem col = only(r, "MISSING_COLUMN");
    assertEquals(Optional.of("answer"), col.field());
    assertEquals(1, col.line().getAsInt());
    Problem quote = only(r, "TSV_SYNTAX");
    assertEquals(3, quote.line().getAsInt());
    assertEquals(Optional.of("context"), quote.field());
    assertEquals(List.of("0"), r.benchmark().track(Track.EXAMINATION).stream().map(BenchmarkItem::index).toList());
  }

  @Test
  void figureMappingThatIsNotJsonIsAWarningAndTheItemIsKept() throws IOException {
    Files.createDirectories(root.resolve("crossmodal/images"));
    Files.write(root.resolve("crossmodal/images/a.png"), PNG);
    write(Track.CROSSMODAL,
        "index\tquestion\tanswer\tcontext\timage_path\tfigure_mapping\tgolden_mainline\trelation_type",
        "7\tq\ta\tc\t\"[\"\"images/a.png\"\"]\"\t{not json\tfinding\tconfirm");
    ReadResult r = ReleaseReader.lenient().read(root);
    Problem p = only(r, "INVALID_FIGURE_MAPPING");
    assertEquals(Problem.Severity.WARNING, p.severity());
    assertEquals(Optional.of("7"), p.itemIndex());
    assertEquals(1, r.benchmark().size());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void pathEscapesAreRefusedAndNeverOpened() throws Exception {
    Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
    Path fifo = outside.resolve("trap.png");
    // Opening a FIFO for reading blocks until a writer comes: any attempt to open it hangs the test.
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Files.createDirectories(root.resolve("treatment/images"));
    Files.createSymbolicLink(root.resolve("treatment/images/link.png"), fifo);
    Files.write(root.resolve("treatment/images/ok.png"), PNG);
    write(Track.TREATMENT,
        "index\tquestion\tanswer\tcontext\timage_path\trubric_must_include\trubric_must_not",
        "0\tq\ta\tc\t\"[\"\"images/ok.png\"\", \"\"../../" + outside.getFileName() + "/trap.png\"\"]\"\tx\ty",
        "1\tq\ta\tc\t\"[\"\"" + fifo + "\"\"]\"\tx\ty",
        "2\tq\ta\tc\t\"[\"\"images/link.png\"\"]\"\tx\ty",
        "3\tq\ta\tc\t\"[\"\"images/missing.png\"\"]\"\tx\ty");
    ReadResult r = ReleaseReader.lenient().read(root);
    List<Problem> escapes = r.report().problems().stream().filter(p -> p.kind().equals("PATH_ESCAPE")).toList();
    assertEquals(List.of("0", "1", "2"), escapes.stream().map(p -> p.itemIndex().orElseThrow()).toList());
    escapes.forEach(p -> assertEquals(Optional.of("image_path"), p.field()));
    assertEquals(Optional.of("3"), only(r, "MISSING_IMAGE_FILE").itemIndex());
    assertEquals(1, r.benchmark().get(Track.TREATMENT, "0").orElseThrow().images().size());
  }

  @Test
  void largeBase64CellsAreStreamedAndDecodedOnDemand() throws IOException {
    byte[] big = new byte[120_000];
    new java.util.Random(7).nextBytes(big);
    System.arraycopy(PNG, 0, big, 0, 16);
    String b64 = Base64.getEncoder().encodeToString(big);
    write(Track.DIAGNOSIS,
        "index\tquestion\tanswer\tcontext\timage\tanswer_aliases\tORPHA_code\tcategory",
        "0\tq\ta\tc\t" + imgs(b64, "", b64.substring(0, 1001)) + "\t\t58\tcat");
    ReadResult r = ReleaseReader.lenient().read(root);
    BenchmarkItem item = r.benchmark().get(Track.DIAGNOSIS, "0").orElseThrow();
    ImageRef img = item.images().get(0);
    assertEquals("0--1.jpg", img.name());
    assertEquals(120_000, img.size());
    assertEquals(Optional.of(MediaType.PNG), img.mediaType());
    assertArrayEquals(big, img.bytes());
    assertEquals(Hashing.sha256().hashBytes(big).toString(), img.sha256());
    assertEquals(1, item.images().size(), "the empty entry is skipped, the truncated one is undecodable");
    assertEquals(Optional.of("0"), only(r, "UNDECODABLE_BASE64").itemIndex());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aFifoInsideTheTrackFolderIsRefusedWithoutOpeningIt() throws Exception {
    Files.createDirectories(root.resolve("treatment/images"));
    assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("treatment/images/pipe.png").toString()).start()
        .waitFor());
    Files.write(root.resolve("treatment/images/ok.png"), PNG);
    write(Track.TREATMENT,
        "index\tquestion\tanswer\tcontext\timage_path\trubric_must_include\trubric_must_not",
        "0\tq\ta\tc\t\"[\"\"images/ok.png\"\", \"\"images/pipe.png\"\"]\"\tx\ty");
    ReadResult r = ReleaseReader.lenient().read(root);
    Problem p = only(r, "NOT_A_REGULAR_FILE");
    assertEquals(Optional.of("0"), p.itemIndex());
    assertTrue(p.message().contains("a FIFO, socket or device"), p.message());
    assertEquals(1, r.benchmark().get(Track.TREATMENT, "0").orElseThrow().images().size());
  }

  @Test
  void aTrackWithAHeaderAndNoRowsIsAWarning() throws IOException {
    write(Track.TREATMENT, "index\tquestion\tanswer\tcontext\timage\trubric_must_include\trubric_must_not");
    ReadResult r = ReleaseReader.lenient().read(root);
    Problem p = only(r, "EMPTY_TRACK");
    assertEquals(Problem.Severity.WARNING, p.severity());
    assertEquals(0, r.benchmark().size());
  }

  @Test
  void duplicateColumnsAreRenamedAsPandasDoesAndWarned() throws IOException {
    // a header typo: 'answer' twice, the second where 'category' belongs
    write(Track.DIAGNOSIS,
        "index\tquestion\tanswer\tcontext\timage\tanswer_aliases\tORPHA_code\tanswer\tanswer.1\tanswer",
        "0\tq\tAlexander disease\tc\t" + imgs(PNG64) + "\tAxD\t58\tRare neurologic disease\tx\ty");
    ReadResult r = ReleaseReader.lenient().read(root);
    assertEquals("Alexander disease", r.benchmark().get(Track.DIAGNOSIS, "0").orElseThrow().answer());
    List<Problem> dups = r.report().problems().stream().filter(p -> p.kind().equals("DUPLICATE_COLUMN")).toList();
    assertEquals(3, dups.size(), dups.toString());
    assertTrue(dups.get(0).message().contains("field 8 is read as 'answer.1'"), dups.get(0).message());
    assertTrue(dups.get(1).message().contains("field 9 is read as 'answer.1.1'"), dups.get(1).message());
    assertTrue(dups.get(2).message().contains("field 10 is read as 'answer.2'"), dups.get(2).message());
    // pandas 1.5 (_maybe_dedup_names), checked in Python: read_csv of "a\ta\ta.1\ta" gives these columns
    assertEquals(List.of("a", "a.1", "a.1.1", "a.2"),
        org.mmrarebench.data.internal.PandasTsvReader.dedupe(List.of("a", "a", "a.1", "a")));
  }

  // Expectations below were produced by pandas 1.5.3 (Debian's python3-pandas), read_csv(sep='\t').

  @Test
  void numericAndBoolColumnsShowWhatTheReferenceShows() throws IOException {
    write(Track.DIAGNOSIS,
        "index\tquestion\tanswer\tcontext\timage\tanswer_aliases\tORPHA_code\tcategory",
        "0\tq\t042\tc\t" + imgs(PNG64) + "\t\t58\tTRUE",
        "1\tq\t+7\tc\t" + imgs(PNG64) + "\t\t59\tfalse");
    write(Track.TREATMENT,
        "index\tquestion\tanswer\tcontext\timage\trubric_must_include\trubric_must_not",
        "0\t3\t1e5\tc\t" + imgs(PNG64) + "\tx\ty",
        "1\t\t.5\tc\t" + imgs(PNG64) + "\tx\ty");
    ReadResult r = ReleaseReader.lenient().read(root);
    assertEquals("42", r.benchmark().get(Track.DIAGNOSIS, "0").orElseThrow().answer());   // int64
    assertEquals("7", r.benchmark().get(Track.DIAGNOSIS, "1").orElseThrow().answer());
    assertEquals("True", ((org.mmrarebench.core.DiagnosisItem) r.benchmark().get(Track.DIAGNOSIS, "0")
        .orElseThrow()).category());                                                          // bool
    BenchmarkItem t0 = r.benchmark().get(Track.TREATMENT, "0").orElseThrow();
    BenchmarkItem t1 = r.benchmark().get(Track.TREATMENT, "1").orElseThrow();
    assertEquals("100000.0", t0.answer());                                                     // float64
    assertEquals("0.5", t1.answer());
    assertEquals("3.0", t0.question());                                                        // float64 with a blank
    assertEquals("nan", t1.question());
    List<Problem> warnings = r.report().problems().stream().filter(p -> p.kind().equals("NUMERIC_COLUMN")).toList();
    assertEquals(List.of("answer", "category", "question", "answer"),
        warnings.stream().map(p -> p.field().orElseThrow()).toList(), warnings.toString());
    assertTrue(warnings.get(0).message().contains("'042' is shown as '42'"), warnings.get(0).message());
  }

  @Test
  void aNulByteCutsTheCellAsPandasDoesAndIsWarned() throws IOException {
    write(Track.TREATMENT,
        "index\tquestion\tanswer\tcontext\timage\trubric_must_include\trubric_must_not",
        "0\tq\tab\u0000cd\tc\t" + imgs(PNG64) + "\tx\ty",
        "1\tq\t\"q\u0000r\"\tc\t" + imgs(PNG64) + "\tx\ty",
        "2\tq\t\u0000cd\tc\t" + imgs(PNG64) + "\tx\ty");
    ReadResult r = ReleaseReader.lenient().read(root);
    assertEquals("ab", r.benchmark().get(Track.TREATMENT, "0").orElseThrow().answer());
    assertEquals("q", r.benchmark().get(Track.TREATMENT, "1").orElseThrow().answer());
    assertEquals("nan", r.benchmark().get(Track.TREATMENT, "2").orElseThrow().answer());
    List<Problem> nul = r.report().problems().stream().filter(p -> p.kind().equals("NUL_IN_CELL")).toList();
    assertEquals(List.of(2, 3, 4), nul.stream().map(p -> p.line().getAsInt()).toList());
    assertEquals(Optional.of("answer"), nul.get(0).field());
  }

  @Test
  void aRubricListTheReferenceCannotJoinIsReportedAndOnlyThatItemLeftOut() throws IOException {
    Path f = write(Track.EXAMINATION,
        "index\tquestion\tanswer\tcontext\timage\tkey_test_names\tred_flags_to_rule_out\tmust_not",
        "0\tq\ta\tc\t" + imgs(PNG64) + "\t\"[\"\"MRI\"\", 1e-05]\"\tflag\tnone",
        "1\tq\ta\tc\t" + imgs(PNG64) + "\t\"[\"\"MRI\"\"]\"\tflag\tnone");
    ReadResult r = ReleaseReader.lenient().read(root);
    Problem p = only(r, "REFERENCE_WOULD_CRASH");
    assertEquals(f.toString(), p.file());
    assertEquals(2, p.line().getAsInt());
    assertEquals(Optional.of("key_test_names"), p.field());
    assertEquals(Optional.of("0"), p.itemIndex());
    assertTrue(p.message().contains("element 2 of the list is 1e-05"), p.message());
    assertEquals(List.of("1"), r.benchmark().stream().map(BenchmarkItem::index).toList());
  }
}
