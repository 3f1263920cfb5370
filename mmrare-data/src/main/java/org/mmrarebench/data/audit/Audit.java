package org.mmrarebench.data.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.data.orphanet.Disorder;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * Checks what MMRareBench claims but nothing verified: that diagnosis labels are anchored to the
 * Orphanet code they carry, and that answers do not leak into what the model is shown.
 *
 * <ul>
 *   <li>Alignment (T1): the code exists; the answer and each alias are its label or a synonym;
 *       a code whose type is a category or clinical group is too broad for a diagnosis.
 *   <li>Leakage: T1 - the answer, an alias or an Orphanet synonym of the gold code in the context,
 *       question or figure labels (normalised, whole words); T2 - a required treatment element in the
 *       context or question; T4 - a key test name in the question; all tracks - the same image bytes
 *       used by two items (sha256, across tracks too; this reads every image once).
 * </ul>
 */
public final class Audit {
  private Audit() {}

  /**
   * The audit's findings.
   *
   * @param findings every finding, in benchmark order
   * @param alignment per T1 item, how the answer relates to the code's names: exact, synonym, mismatch, unknown_code
   */
  public record Report(List<Finding> findings, Map<String, String> alignment) {
    /** Copies. */
    public Report {
      findings = List.copyOf(findings);
      alignment = Map.copyOf(alignment);
    }

    /** Whether nothing was found. */
    public boolean clean() {
      return findings.isEmpty();
    }

    /** Finding counts per track and kind. */
    public Map<String, Map<String, Integer>> counts() {
      Map<String, Map<String, Integer>> out = new TreeMap<>();
      findings.forEach(f -> out.computeIfAbsent(f.track().folder(), k -> new TreeMap<>()).merge(f.kind(), 1, Integer::sum));
      return out;
    }

    /** Up to {@code n} example findings per kind. */
    public Map<String, List<String>> examples(int n) {
      Map<String, List<String>> out = new TreeMap<>();
      for (Finding f : findings) {
        List<String> l = out.computeIfAbsent(f.kind(), k -> new ArrayList<>());
        if (l.size() < n) {
          l.add(f.describe());
        }
      }
      return out;
    }
  }

  /** Audits {@code bench} against {@code orphanet}. */
  public static Report run(Benchmark bench, Orphanet orphanet) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> alignment = new LinkedHashMap<>();
    Map<String, String> firstUse = new HashMap<>();
    for (BenchmarkItem item : bench) {
      if (item instanceof DiagnosisItem d) {
        diagnosis(d, orphanet, out, alignment);
      } else if (item instanceof TreatmentItem t) {
        String inputs = t.context() + "\n" + t.question();
        for (String e : t.mustInclude()) {
          if (contains(inputs, e)) {
            out.add(new Finding("T2_TREATMENT_IN_INPUTS", t.track(), t.index(), "rubric_must_include",
                "required element '" + e + "' appears in the context or question"));
          }
        }
      } else if (item instanceof ExaminationItem e) {
        for (String test : e.keyTests()) {
          if (contains(e.question(), test)) {
            out.add(new Finding("T4_TEST_IN_QUESTION", e.track(), e.index(), "key_test_names",
                "key test '" + test + "' appears in the question"));
          }
        }
      }
      for (ImageRef img : item.images()) {
        String id = item.id() + " image " + img.name();
        String previous = firstUse.putIfAbsent(img.sha256(), id);
        if (previous != null) {
          out.add(new Finding("REUSED_IMAGE", item.track(), item.index(), "image",
              "image " + img.name() + " has the same bytes (sha256 " + img.sha256().substring(0, 12) + ") as " + previous));
        }
      }
    }
    return new Report(out, alignment);
  }

  private static void diagnosis(DiagnosisItem d, Orphanet orphanet, List<Finding> out, Map<String, String> alignment) {
    if (d.orphaCode().isEmpty()) {
      out.add(new Finding("MISSING_ORPHA_CODE", Track.DIAGNOSIS, d.index(), "ORPHA_code", "the item has no ORPHA code"));
      alignment.put(d.index(), "unknown_code");
      return;
    }
    Optional<Disorder> entry = orphanet.get(d.orphaCode().get());
    if (entry.isEmpty()) {
      out.add(new Finding("UNKNOWN_ORPHA_CODE", Track.DIAGNOSIS, d.index(), "ORPHA_code",
          d.orphaCode().get() + " is not in Orphanet (" + orphanet.release() + ")"));
      alignment.put(d.index(), "unknown_code");
    } else {
      Disorder e = entry.get();
      String a = agreement(d.answer(), e);
      alignment.put(d.index(), a);
      if (a.equals("mismatch")) {
        out.add(new Finding("ANSWER_CODE_MISMATCH", Track.DIAGNOSIS, d.index(), "answer",
            "answer '" + d.answer() + "' is neither the label '" + e.label() + "' of " + e.code() + " nor a synonym"));
      }
      for (String alias : d.aliases()) {
        if (!alias.isBlank() && agreement(alias, e).equals("mismatch")) {
          out.add(new Finding("ALIAS_CODE_MISMATCH", Track.DIAGNOSIS, d.index(), "answer_aliases",
              "alias '" + alias + "' is neither the label nor a synonym of " + e.code() + " (" + e.label() + ")"));
        }
      }
      if (e.isGrouping()) {
        out.add(new Finding("CODE_TOO_BROAD", Track.DIAGNOSIS, d.index(), "ORPHA_code",
            e.code() + " (" + e.label() + ") is a " + e.type() + ", too broad for a diagnosis"));
      }
    }
    Set<String> names = new LinkedHashSet<>(d.golds());
    entry.ifPresent(e -> {
      names.add(e.label());
      names.addAll(e.synonyms());
    });
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("context", d.context());
    inputs.put("question", d.question());
    inputs.put("figure_mapping", String.join("\n", d.core().figureMapping().keySet()));
    for (String name : names) {
      inputs.forEach((field, text) -> {
        if (contains(text, name)) {
          out.add(new Finding("T1_ANSWER_IN_" + field.toUpperCase(java.util.Locale.ROOT), Track.DIAGNOSIS, d.index(),
              field, "'" + name + "' appears in the " + field.replace('_', ' ')));
        }
      });
    }
  }

  private static String agreement(String name, Disorder e) {
    String n = Orphanet.normalizeName(name);
    if (n.equals(Orphanet.normalizeName(e.label()))) {
      return "exact";
    }
    return e.synonyms().stream().anyMatch(s -> Orphanet.normalizeName(s).equals(n)) ? "synonym" : "mismatch";
  }

  /** Whether {@code term} occurs in {@code text} as whole words, after name normalisation. */
  static boolean contains(String text, String term) {
    String t = Orphanet.normalizeName(term);
    return !t.isEmpty() && (" " + Orphanet.normalizeName(text) + " ").contains(" " + t + " ");
  }
}
