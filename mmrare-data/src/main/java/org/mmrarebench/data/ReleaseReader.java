package org.mmrarebench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.CrossmodalItem;
import org.mmrarebench.core.DatasetInfo;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.ItemCore;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.core.internal.PyText;
import org.mmrarebench.data.internal.Base64ListScanner;
import org.mmrarebench.data.internal.PandasTsvReader;
import org.mmrarebench.data.internal.PyValues;

/**
 * Reads an MMRareBench release laid out as {@code <root>/<track folder>/<file>.tsv}, with the
 * reference scorer's exact semantics (pandas' quoting and missing values, list cells, default
 * index, columns found by header, base64 images with the {@code image_path} fallback).
 *
 * <p>A strict reader throws {@link InvalidDataException} on the first error; a lenient one keeps
 * every good row and reports every problem. Image bytes are never held: base64 strings are located
 * in the file and decoded when asked for. One deliberate divergence from the reference: an
 * {@code image_path} must resolve inside its track folder; absolute paths, {@code ..} escapes and
 * links leading outside are refused and never opened.
 */
public final class ReleaseReader {
  private static final List<String> REQUIRED = List.of("question", "answer");

  private final boolean strict;

  private ReleaseReader(boolean strict) {
    this.strict = strict;
  }

  /** A reader that fails on the first error. */
  public static ReleaseReader strict() {
    return new ReleaseReader(true);
  }

  /** A reader that keeps every good row and reports every problem. */
  public static ReleaseReader lenient() {
    return new ReleaseReader(false);
  }

  /**
   * Reads every track whose file exists under {@code root}.
   *
   * @throws InvalidDataException (strict) on the first error, or when no track file exists at all
   */
  public ReadResult read(Path root) {
    return read(root, List.of(Track.values()), false);
  }

  /** Reads the given tracks; a missing track file is an error. */
  public ReadResult read(Path root, List<Track> tracks) {
    return read(root, tracks, true);
  }

  ReadResult read(Path root, List<Track> tracks, boolean requireEach) {
    return read(root, tracks, requireEach, "release at " + root, false);
  }

  ReadResult read(Path root, List<Track> tracks, boolean requireEach, String description, boolean synthetic) {
    Collector problems = new Collector(strict);
    List<BenchmarkItem> items = new ArrayList<>();
    Map<Track, Path> files = new EnumMap<>(Track.class);
    for (Track t : tracks) {
      Path file = root.resolve(t.folder()).resolve(t.fileName());
      if (Files.isRegularFile(file)) {
        files.put(t, file);
      } else if (requireEach) {
        problems.add(Problem.error("MISSING_FILE", file.toString(), 0, null, null,
            "the " + t.folder() + " track file does not exist.",
            "Put " + t.fileName() + " in " + root.resolve(t.folder()) + " or read only the tracks you have."));
      }
    }
    // Track files are independent: read them in parallel, then merge in track order so that the
    // report, the items and a strict failure are the same as a sequential read's.
    // Blocking file reads get their own threads, never the common ForkJoin pool the caller may rely on.
    Map<Track, java.util.concurrent.CompletableFuture<TrackRead>> reads = new EnumMap<>(Track.class);
    java.util.concurrent.ExecutorService pool = org.mmrarebench.core.internal.Threads.daemonPool(
        Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors())), "mmrare-read");
    try {
      // largest file first: with fewer threads than files, the longest read starts at once and the
      // small ones fill in around it (at the paper's scale, the most one of two threads reads went
      // from 0.81 GB to 0.72 GB)
      List<Map.Entry<Track, Path>> bySize = new ArrayList<>(files.entrySet());
      bySize.sort(java.util.Comparator.comparingLong((Map.Entry<Track, Path> e) -> sizeOf(e.getValue())).reversed());
      bySize.forEach(en -> reads.put(en.getKey(), java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        Track t = en.getKey();
        Path file = en.getValue();
        Collector own = new Collector(strict);
        try {
          return new TrackRead(new TrackReader(t, file, own).read(), own.list);
        } catch (OutOfMemoryError e) {
          throw new MmrareException("Ran out of memory reading " + file + " (the Java heap is "
              + (Runtime.getRuntime().maxMemory() >> 20) + " MB): a cell or the file is too large for it. Give Java"
              + " more heap (java -Xmx4g -jar mmrare.jar ...), or check the file: the release's largest cells are a"
              + " few tens of MB.", e);
        }
      }, pool)));
      for (java.util.concurrent.CompletableFuture<TrackRead> f : reads.values()) {
        TrackRead r;
        try {
          r = f.join();
        } catch (java.util.concurrent.CompletionException e) {
          // a strict failure (InvalidDataException) or an I/O failure of that track, unwrapped
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw e;
        }
        r.problems().forEach(problems::add);
        items.addAll(r.items());
      }
    } finally {
      pool.shutdownNow();
    }
    if (files.isEmpty() && !requireEach) {
      problems.add(Problem.error("NO_TRACKS", root.toString(), 0, null, null,
          "no track file was found (looked for diagnosis/diagnosis_opened.tsv, treatment/treatment_plan.tsv,"
              + " crossmodal/crossmodal_comparison.tsv and examination/examination_workup.tsv).",
          "Point the reader at the release root, the folder that holds the four track folders."));
    }
    // a downloaded release: check it against its manifest (size and mtime; a hash only where they differ)
    org.mmrarebench.data.download.ReleaseManifest.read(root)
        .ifPresent(m -> m.verify(root, false).forEach(problems::add));
    Map<Track, Path> fileCopy = Map.copyOf(files);
    DatasetInfo info = new DatasetInfo(description, Optional.of(root.toString()), synthetic,
        Suppliers.memoize(() -> hashAll(fileCopy)));
    return new ReadResult(Benchmark.of(items, info), new ValidationReport(problems.list));
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // the read itself reports it
    }
  }

  private static Map<Track, String> hashAll(Map<Track, Path> files) {
    Map<Track, String> out = new EnumMap<>(Track.class);
    files.forEach((t, f) -> {
      try {
        out.put(t, org.mmrarebench.data.internal.FileDigests.sha256(f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot hash " + f, e);
      }
    });
    return out;
  }

  private record TrackRead(List<BenchmarkItem> items, List<Problem> problems) {}

  /** Collects problems; a strict collector throws on the first error. */
  private static final class Collector {
    final boolean strict;
    final List<Problem> list = new ArrayList<>();

    Collector(boolean strict) {
      this.strict = strict;
    }

    void add(Problem p) {
      if (strict && p.severity() == Problem.Severity.ERROR) {
        throw new InvalidDataException(p);
      }
      list.add(p);
    }
  }

  /**
   * A row read but not yet turned into an item (the index column must be seen whole first);
   * {@code cells} has one entry per column, null where the cell is missing.
   */
  private record Pending(int line, String rawIndex, String[] cells,
      Optional<PandasTsvReader.ImageCell> image) {}

  /** Reads one track file. */
  private static final class TrackReader {
    final Track track;
    final Path file;
    final Path trackDir;
    final String name;
    final Collector problems;
    List<String> header = List.of();
    /** The field of each (deduplicated) column name. */
    Map<String, Integer> columns = Map.of();

    TrackReader(Track track, Path file, Collector problems) {
      this.track = track;
      this.file = file;
      this.trackDir = file.getParent();
      this.name = file.toString();
      this.problems = problems;
    }

    List<BenchmarkItem> read() {
      List<Pending> pending = new ArrayList<>();
      try (InputStream in = Files.newInputStream(file)) {
        PandasTsvReader reader = new PandasTsvReader(in);
        header = PandasTsvReader.dedupe(reader.header());
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          at.put(header.get(i), i);
        }
        columns = Map.copyOf(at);
        for (String col : REQUIRED) {
          if (!header.contains(col)) {
            problems.add(Problem.error("MISSING_COLUMN", name, 1, col, null,
                "the required column '" + col + "' is missing; the header has " + header + ".",
                "Add a '" + col + "' column to the header row (tab-separated)."));
            return List.of();
          }
        }
        if (!header.equals(reader.header())) {
          for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).equals(reader.header().get(i))) {
              problems.add(Problem.warning("DUPLICATE_COLUMN", name, 1, reader.header().get(i), null,
                  "the header names column '" + reader.header().get(i) + "' where that name is already taken; as"
                      + " pandas does, the first is used and field " + (i + 1) + " is read as '" + header.get(i) + "'.",
                  "Rename or remove the repeated column in the header row."));
            }
          }
        }
        if (!header.contains("image") && !header.contains("image_path")) {
          problems.add(Problem.warning("NO_IMAGE_COLUMN", name, 1, "image", null,
              "neither an 'image' nor an 'image_path' column exists, so no item has images.",
              "Add base64 images in an 'image' column or relative paths in an 'image_path' column."));
        }
        int row = 0;
        while (true) {
          PandasTsvReader.Row r;
          try {
            r = reader.next();
          } catch (PandasTsvReader.SyntaxError e) {
            problems.add(Problem.error("TSV_SYNTAX", name, e.line(), columnName(e.column()), null,
                e.getMessage() + "; rows from this line on were not read.",
                "Close the quote (a quote inside a quoted cell is written as two quotes) or fix the encoding."));
            break;
          }
          if (r == null) {
            break;
          }
          if (r.fieldCount() > header.size()) {
            problems.add(Problem.error("TOO_MANY_FIELDS", name, r.line(), null, null,
                "expected " + header.size() + " fields, saw " + r.fieldCount() + "; the row was skipped.",
                "Quote cells that contain tabs, or remove the extra tab."));
            row++;
            continue;
          }
          for (int nf : r.nulFields()) {
            problems.add(Problem.warning("NUL_IN_CELL", name, r.line(), columnName(nf), null,
                "the cell holds a NUL byte; as pandas' C parser does, its text was cut there"
                    + (r.cells()[nf] == null ? " (leaving it empty, so missing)" : "") + ".",
                "Remove the NUL bytes (tr -d '\\000' < file > fixed): they usually come from a bad export."));
          }
          String[] cells = r.cells().length == header.size() ? r.cells() : Arrays.copyOf(r.cells(), header.size());
          Integer indexColumn = columns.get("index");
          String rawIndex = indexColumn != null ? cells[indexColumn] : Integer.toString(row);
          pending.add(new Pending(r.line(), rawIndex, cells, r.image()));
          row++;
        }
        if (row == 0) {
          problems.add(Problem.warning("EMPTY_TRACK", name, 1, null, null,
              "the file has a header but no rows, so the " + track.folder() + " track has no items.",
              "Check that the download or export finished; the release has hundreds of rows per track."));
        }
      } catch (NoSuchFileException e) {
        problems.add(Problem.error("MISSING_FILE", name, 0, null, null, "the file does not exist.", "Check the path."));
        return List.of();
      } catch (IOException e) {
        throw new MmrareException("Cannot read " + name + ": " + e.getMessage(), e);
      } catch (PandasTsvReader.SyntaxError e) {
        problems.add(Problem.error("TSV_SYNTAX", name, e.line(), null, null, e.getMessage(),
            "Fix the header row."));
        return List.of();
      }
      return finish(pending);
    }

    private String columnName(int column) {
      return column >= 0 && column < header.size() ? header.get(column) : null;
    }

    /** Columns whose text the reference shows or compares as {@code str()} of pandas' value. */
    private static final List<String> TEXT_COLUMNS = List.of("question", "answer", "context", "category",
        "relation_type");

    /**
     * Gives numeric and bool columns the text the reference sees ({@code 42.0}, {@code True}) where
     * it shows them, and warns where a column pandas reads as numbers is used in another way.
     */
    private List<Pending> applyDtypes(List<Pending> pending) {
      List<Pending> out = pending;
      for (String col : header) {
        if (col.equals("index") || col.equals("image") || col.equals("image_path")) {
          continue;
        }
        int at = columns.get(col);
        List<String> cells = pending.stream().map(p -> p.cells()[at]).toList();
        PyValues.Dtype dtype = PyValues.dtype(cells);
        if (dtype == PyValues.Dtype.OBJECT) {
          continue;
        }
        // only where the text the reference sees differs from the file's: '42.0' for 42, 'True' for TRUE
        Optional<Pending> differs = pending.stream()
            .filter(p -> p.cells()[at] != null && !PyValues.text(p.cells()[at], dtype).equals(p.cells()[at]))
            .findFirst();
        if (differs.isEmpty()) {
          continue;
        }
        int first = differs.get().line();
        String c0 = differs.get().cells()[at];
        String example = "'" + c0 + "' is shown as '" + PyValues.text(c0, dtype) + "'";
        if (TEXT_COLUMNS.contains(col)) {
          out = out.stream().map(p -> {
            String c = p.cells()[at];
            if (c == null) {
              return p;
            }
            String[] copy = p.cells().clone();
            copy[at] = PyValues.text(c, dtype);
            return new Pending(p.line(), p.rawIndex(), copy, p.image());
          }).toList();
          problems.add(Problem.warning("NUMERIC_COLUMN", name, first, col, null,
              "pandas reads column '" + col + "' as " + dtype.name().toLowerCase(java.util.Locale.ROOT)
                  + ", so the reference shows str() of numbers: " + example + "; mmrare shows the same"
                  + (dtype == PyValues.Dtype.FLOAT64 ? " (pandas' float parser can differ in a 17th digit)" : "")
                  + ".",
              "Check the column: a text column of numbers is usually a shifted or mislabelled column."));
        } else {
          problems.add(Problem.warning("NUMERIC_COLUMN", name, first, col, null,
              "pandas reads column '" + col + "' as " + dtype.name().toLowerCase(java.util.Locale.ROOT)
                  + " (" + example + "), not text; mmrare reads its cells as written, so what the reference makes"
                  + " of them may differ.",
              "Check the column: list and code columns normally hold text."));
        }
      }
      return out;
    }

    private List<BenchmarkItem> finish(List<Pending> rows) {
      List<Pending> pending = applyDtypes(rows);
      List<String> raw = pending.stream().map(Pending::rawIndex).toList();
      boolean intIndex = PyValues.isIntColumn(raw);
      Map<String, Integer> seen = new HashMap<>();
      List<BenchmarkItem> items = new ArrayList<>();
      for (Pending p : pending) {
        if (p.rawIndex() == null) {
          problems.add(Problem.error("MISSING_INDEX", name, p.line(), "index", null,
              "the index cell is empty or a missing-value marker; the row was skipped.",
              "Give every row a unique index value."));
          continue;
        }
        String index = intIndex ? PyValues.intText(p.rawIndex()) : p.rawIndex();
        Integer first = seen.putIfAbsent(index, p.line());
        if (first != null) {
          problems.add(Problem.error("DUPLICATE_INDEX", name, p.line(), "index", index,
              "index " + index + " was already used by the row at line " + first + "; this row was skipped.",
              "Give every row of a track a unique index."));
          continue;
        }
        BenchmarkItem item = toItem(p, index);
        if (item != null) {
          items.add(item);
        }
      }
      return items;
    }

    /** The item, or null when the reference could not score it (reported as a problem). */
    private BenchmarkItem toItem(Pending p, String index) {
      for (String col : JOINED_LISTS.getOrDefault(track, List.of())) {
        if (!joinable(p, index, col)) {
          return null;
        }
      }
      List<ImageRef> images = images(p, index);
      if (images.isEmpty()) {
        problems.add(Problem.warning("NO_IMAGES", name, p.line(), "image", index,
            "the item has no usable image, so the model sees text only.",
            "Add base64 images to 'image' or paths to 'image_path'."));
      }
      ItemCore core = new ItemCore(track, index, text(p, "question"), text(p, "answer"),
          cell(p, "context", ""), images, figureMapping(p, index), p.line());
      return switch (track) {
        case DIAGNOSIS -> new DiagnosisItem(core, list(p, "answer_aliases"), orpha(p, index),
            cell(p, "category", ""));
        case TREATMENT -> new TreatmentItem(core, list(p, "rubric_must_include"), list(p, "rubric_must_not"));
        case CROSSMODAL -> new CrossmodalItem(core, mainline(p, index),
            PyText.strip(PyText.lower(text(p, "relation_type")))
                .transform(r -> r.equals(PyValues.NAN) ? "" : r));
        case EXAMINATION -> new ExaminationItem(core, list(p, "key_test_names"), list(p, "red_flags_to_rule_out"),
            list(p, "must_not"));
      };
    }

    /** The list columns the reference joins with {@code '; '.join(...)} in the judge prompt, per track. */
    private static final Map<Track, List<String>> JOINED_LISTS = Map.of(
        Track.TREATMENT, List.of("rubric_must_include", "rubric_must_not"),
        Track.CROSSMODAL, List.of("golden_mainline"),
        Track.EXAMINATION, List.of("key_test_names", "red_flags_to_rule_out", "must_not"));

    /**
     * Whether the reference can join this JSON list cell: {@code '; '.join} raises TypeError on a
     * number, boolean, null or nested list (and a T3 claim object is reduced to its claim first), which
     * ends the reference's whole run. Such an item is reported where it is and left out.
     */
    private boolean joinable(Pending p, String index, String col) {
      String raw = cell(p, col, null);
      if (raw == null || PyValues.parseJson(raw).filter(JsonNode::isArray).isEmpty()) {
        return true;
      }
      List<JsonNode> nodes = PyValues.listCellNodes(Optional.of(raw));
      for (int k = 0; k < nodes.size(); k++) {
        JsonNode n = nodes.get(k);
        if (n.isTextual() || (track == Track.CROSSMODAL && n.isObject())) {
          continue;
        }
        problems.add(Problem.error("REFERENCE_WOULD_CRASH", name, p.line(), col, index,
            "element " + (k + 1) + " of the list is " + PyValues.repr(n) + ", not a string; the reference joins this"
                + " list with '; '.join(...), which raises TypeError and ends its whole run. The item was left out;"
                + " the other items are scored.",
            "Write every element as a string, e.g. \"" + PyValues.str(n).replace("\"", "\\\"") + "\"."));
        return false;
      }
      return true;
    }

    /** str() of a cell as the reference formats it: a missing value is "nan". */
    private String text(Pending p, String col) {
      return cell(p, col, PyValues.NAN);
    }

    /** The cell of column {@code col}, or {@code otherwise} when the column is absent or the cell missing. */
    private String cell(Pending p, String col, String otherwise) {
      Integer at = columns.get(col);
      String v = at == null ? null : p.cells()[at];
      return v == null ? otherwise : v;
    }

    private List<String> list(Pending p, String col) {
      return PyValues.listCell(Optional.ofNullable(cell(p, col, null)));
    }

    private Optional<OrphaCode> orpha(Pending p, String index) {
      String raw = cell(p, "ORPHA_code", null);
      if (raw == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(OrphaCode.parse(raw));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error("INVALID_ORPHA_CODE", name, p.line(), "ORPHA_code", index,
            e.getMessage() + "; the code was not used.", "Write the code as ORPHA:558, 558 or Orphanet_558."));
        return Optional.empty();
      }
    }

    private List<String> mainline(Pending p, String index) {
      List<JsonNode> nodes = PyValues.listCellNodes(Optional.ofNullable(cell(p, "golden_mainline", null)));
      if (nodes.isEmpty() || !nodes.get(0).isObject()) {
        return nodes.stream().map(PyValues::str).toList();
      }
      List<String> out = new ArrayList<>();
      for (JsonNode n : nodes) {
        if (n.isObject()) {
          out.add(n.has("claim") ? PyValues.str(n.get("claim")) : PyValues.repr(n));
        } else {
          problems.add(Problem.warning("MIXED_MAINLINE", name, p.line(), "golden_mainline", index,
              "the list mixes objects and other values (" + PyValues.repr(n) + "); the reference scorer fails here.",
              "Make every element an object with a 'claim' or every element a string."));
          out.add(PyValues.str(n));
        }
      }
      return out;
    }

    private Map<String, String> figureMapping(Pending p, String index) {
      String raw = cell(p, "figure_mapping", null);
      if (raw == null || PyText.strip(raw).isEmpty()) {
        return Map.of();
      }
      Optional<JsonNode> parsed = PyValues.parseJson(raw);
      if (parsed.isEmpty() || !parsed.get().isObject()) {
        // A warning, not an error: the item stays whole and the reference ignores such cells too.
        problems.add(Problem.warning("INVALID_FIGURE_MAPPING", name, p.line(), "figure_mapping", index,
            "figure_mapping is " + (parsed.isEmpty() ? "not valid JSON" : "JSON but not an object")
                + " (" + abbreviate(raw) + "); no figure labels are shown for this item.",
            "Write a JSON object from figure label to relative image path, e.g. {\"Figure 1\": \"images/a.jpg\"}."));
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      parsed.get().fields().forEachRemaining(e -> {
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().textValue());
        } else {
          problems.add(Problem.warning("INVALID_FIGURE_MAPPING", name, p.line(), "figure_mapping", index,
              "label '" + e.getKey() + "' maps to " + PyValues.repr(e.getValue()) + ", not to a path; it was ignored.",
              "Map every label to a relative image path string."));
        }
      });
      return out;
    }

    private List<ImageRef> images(Pending p, String index) {
      List<ImageRef> out = new ArrayList<>();
      if (p.image().isPresent()) {
        base64Images(p, index, p.image().get(), out);
        if (!out.isEmpty()) {
          return out;
        }
      }
      String rawPaths = cell(p, "image_path", null);
      for (String path : PyValues.listCell(Optional.ofNullable(rawPaths))) {
        pathImage(p, index, path).ifPresent(out::add);
      }
      return out;
    }

    private void base64Images(Pending p, String index, PandasTsvReader.ImageCell cell, List<ImageRef> out) {
      if (cell.missing()) {
        return;
      }
      if (cell.elements().isPresent()) {
        for (Base64ListScanner.Element e : cell.elements().get()) {
          if (e.empty()) {
            continue;
          }
          String imageName = index + "--" + (e.position() + 1) + ".jpg";
          if (e.invalidReason().isPresent()) {
            badImage(p, index, "UNDECODABLE_BASE64", "image " + (e.position() + 1) + " (" + imageName + "): "
                + e.invalidReason().get() + "; it was skipped.", "Re-encode the image with standard base64.");
            continue;
          }
          Optional<MediaType> type = MediaType.sniff(e.head());
          if (type.isEmpty()) {
            badImage(p, index, "NOT_AN_IMAGE", "image " + (e.position() + 1) + " (" + imageName
                + ") decodes to bytes that are not a JPEG, PNG, GIF, WebP, BMP or TIFF image; it was skipped.",
                "Store the image file's bytes, base64-encoded.");
            continue;
          }
          String where = name + " line " + p.line() + " image " + (e.position() + 1);
          Path f = file;
          out.add(e.canonical()
              ? ImageRef.lazyBase64(imageName, where, e.decodedSize(), type.get(), () -> readBase64(f, e, where),
                  () -> readRaw(f, e, where))
              : ImageRef.lazy(imageName, ImageRef.Origin.BASE64, where, e.decodedSize(), type.get(),
                  () -> readBase64(f, e, where)));
        }
        return;
      }
      if (cell.text().isEmpty()) {
        badImage(p, index, "INVALID_IMAGE_CELL", "the image cell is larger than "
            + PandasTsvReader.IMAGE_TEXT_LIMIT + " bytes and is not a JSON list of base64 strings; no image was read.",
            "Write the cell as a JSON list of base64 strings.");
        return;
      }
      // The general rules, for small cells that are not a clean JSON list of strings.
      List<JsonNode> entries = PyValues.listCellNodes(cell.text());
      for (int k = 0; k < entries.size(); k++) {
        String b64 = PyValues.str(entries.get(k));
        if (b64.isEmpty()) {
          continue;
        }
        String imageName = index + "--" + (k + 1) + ".jpg";
        byte[] bytes;
        try {
          bytes = decodePythonBase64(b64);
        } catch (IllegalArgumentException ex) {
          badImage(p, index, "UNDECODABLE_BASE64", "image " + (k + 1) + " (" + imageName + "): " + ex.getMessage()
              + "; it was skipped.", "Re-encode the image with standard base64.");
          continue;
        }
        if (MediaType.sniff(bytes).isEmpty()) {
          badImage(p, index, "NOT_AN_IMAGE", "image " + (k + 1) + " (" + imageName
              + ") decodes to bytes that are not an image; it was skipped.", "Store the image file's bytes, base64-encoded.");
          continue;
        }
        out.add(ImageRef.ofBytes(imageName, ImageRef.Origin.BASE64, name + " line " + p.line(), bytes));
      }
    }

    private void badImage(Pending p, String index, String kind, String message, String fix) {
      problems.add(Problem.error(kind, name, p.line(), "image", index, message, fix));
    }

    private Optional<ImageRef> pathImage(Pending p, String index, String given) {
      String fileName = given.substring(given.lastIndexOf('/') + 1);
      Path rel;
      try {
        rel = Path.of(given);
      } catch (java.nio.file.InvalidPathException e) {
        pathProblem(p, index, "INVALID_IMAGE_PATH", "image path '" + given + "' is not a valid path.");
        return Optional.empty();
      }
      if (rel.isAbsolute() || given.startsWith("/") || given.startsWith("\\")) {
        pathProblem(p, index, "PATH_ESCAPE", "image path '" + given
            + "' is absolute; it was refused and not opened (paths must stay inside the track folder).");
        return Optional.empty();
      }
      Path base = trackBase();
      Path resolved = base.resolve(rel).normalize();
      if (!resolved.startsWith(base)) {
        pathProblem(p, index, "PATH_ESCAPE", "image path '" + given
            + "' leads outside the track folder; it was refused and not opened.");
        return Optional.empty();
      }
      // A few system calls per image (1,804 images in the paper's examination track): resolve once,
      // then one stat; the checks below only run again to word a failure.
      Path real;
      Path realBase;
      java.nio.file.attribute.BasicFileAttributes attrs;
      try {
        real = resolved.toRealPath();
        realBase = trackRealBase();
        attrs = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
          pathProblem(p, index, "MISSING_IMAGE_FILE", "image file '" + given + "' does not exist (looked at "
              + resolved + "); it was skipped.");
          return Optional.empty();
        }
        pathProblem(p, index, "MISSING_IMAGE_FILE", "image file '" + given + "' cannot be resolved ("
            + e.getMessage() + "); it was skipped.");
        return Optional.empty();
      } catch (IOException e) {
        pathProblem(p, index, "MISSING_IMAGE_FILE", "image file '" + given + "' cannot be resolved ("
            + e.getMessage() + "); it was skipped.");
        return Optional.empty();
      }
      if (!real.startsWith(realBase)) {
        pathProblem(p, index, "PATH_ESCAPE", "image path '" + given
            + "' is a link leading outside the track folder; it was refused and not opened.");
        return Optional.empty();
      }
      // A FIFO, socket or device would block or never end when opened: refuse it unopened.
      if (!attrs.isRegularFile()) {
        problems.add(Problem.error("NOT_A_REGULAR_FILE", name, p.line(), "image_path", index,
            "image path '" + given + "' names " + (attrs.isDirectory() ? "a directory" : "a FIFO, socket or device")
                + ", not a regular file; it was refused and not opened.",
            "Point image_path at image files."));
        return Optional.empty();
      }
      byte[] head = new byte[MediaType.SNIFF_BYTES];
      int n;
      try (InputStream in = Files.newInputStream(real)) {
        n = in.readNBytes(head, 0, head.length);
      } catch (IOException e) {
        pathProblem(p, index, "MISSING_IMAGE_FILE", "image file '" + given + "' cannot be read (" + e + ").");
        return Optional.empty();
      }
      Optional<MediaType> type = MediaType.sniff(java.util.Arrays.copyOf(head, n));
      long size = attrs.size();
      if (type.isEmpty()) {
        problems.add(Problem.error("NOT_AN_IMAGE", name, p.line(), "image_path", index,
            "file '" + given + "' is not a JPEG, PNG, GIF, WebP, BMP or TIFF image; it was skipped.",
            "Point image_path at image files."));
        return Optional.empty();
      }
      return Optional.of(ImageRef.lazy(fileName, ImageRef.Origin.PATH, real.toString(), size, type.get(), () -> {
        try {
          return Files.readAllBytes(real);
        } catch (IOException e) {
          throw new MmrareException("Cannot read image " + real + " (" + e.getMessage() + ").", e);
        }
      }));
    }

    private Path base;
    private Path realBase;

    /** The track folder, absolute and normalised (computed once per file, not once per image). */
    private Path trackBase() {
      if (base == null) {
        base = trackDir.toAbsolutePath().normalize();
      }
      return base;
    }

    /** The track folder with links resolved (computed once per file). */
    private Path trackRealBase() throws IOException {
      if (realBase == null) {
        realBase = trackBase().toRealPath();
      }
      return realBase;
    }

    private void pathProblem(Pending p, String index, String kind, String message) {
      problems.add(Problem.error(kind, name, p.line(), "image_path", index, message,
          "Store image paths relative to " + trackDir + ", with no '..', and keep the files inside it."));
    }
  }

  static byte[] readBase64(Path file, Base64ListScanner.Element e, String where) {
    byte[] raw = readRaw(file, e, where);
    if (e.escaped()) {
      String s = new String(raw, StandardCharsets.UTF_8).replace("\"\"", "\"");
      Optional<JsonNode> n = PyValues.parseJson("\"" + s + "\"");
      if (n.isEmpty()) {
        throw new MmrareException("Image " + where + " has an invalid JSON escape.");
      }
      raw = n.get().textValue().getBytes(StandardCharsets.US_ASCII);
    }
    return Base64.getMimeDecoder().decode(raw);
  }

  /** The bytes of a base64 string as stored in the file. */
  static byte[] readRaw(Path file, Base64ListScanner.Element e, String where) {
    byte[] raw = new byte[e.rawLength()];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.wrap(raw);
      long at = e.offset();
      while (bb.hasRemaining()) {
        int n = ch.read(bb, at);
        if (n < 0) {
          throw new MmrareException("Image " + where + " ends early: " + file + " changed since it was read.");
        }
        at += n;
      }
    } catch (IOException ex) {
      throw new MmrareException("Cannot read image " + where + " (" + ex.getMessage() + ").", ex);
    }
    return raw;
  }

  /**
   * {@code base64.b64decode(s)} without validation: characters outside the alphabet are dropped,
   * then padding must be right.
   */
  static byte[] decodePythonBase64(String s) {
    StringBuilder data = new StringBuilder(s.length());
    int pads = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=') {
        pads++;
      } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
        if (pads > 0) {
          throw new IllegalArgumentException("base64 data continues after '=' padding");
        }
        data.append(c);
      }
    }
    int rem = data.length() % 4;
    if (rem == 1) {
      throw new IllegalArgumentException("base64 has " + data.length()
          + " data characters, which cannot be 1 more than a multiple of 4");
    }
    if ((rem == 2 && pads < 2) || (rem == 3 && pads < 1)) {
      throw new IllegalArgumentException("base64 padding is incorrect");
    }
    return Base64.getDecoder().decode(data.append("==".substring(0, rem == 0 ? 0 : 4 - rem)).toString());
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
