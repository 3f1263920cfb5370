package org.mmrarebench.scoring;

import java.util.List;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.CrossmodalItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ExaminationItem;
import org.mmrarebench.core.TreatmentItem;
import org.mmrarebench.core.internal.PyText;

/**
 * The judge prompt for an item and a prediction, byte-identical to the reference scorer's, for all
 * four tracks. The prompt is the same in compat and strict mode; only reading the reply differs.
 *
 * <p>The prediction is used as the reference reads it back from its prediction file: a missing
 * prediction is the text {@code nan}; for DIAGNOSIS it is trimmed first.
 */
public final class JudgePrompts {
  private JudgePrompts() {}

  /**
   * The track a judge prompt built here is for, read from its fixed closing instruction (each track
   * asks for a different number of answers); empty for any other text.
   */
  public static java.util.Optional<org.mmrarebench.core.Track> trackOf(String prompt) {
    if (prompt.endsWith(DIAG_POST)) {
      return java.util.Optional.of(org.mmrarebench.core.Track.DIAGNOSIS);
    }
    if (prompt.endsWith("Reply with ONLY six YES or NO answers, one per line.")) {
      return java.util.Optional.of(org.mmrarebench.core.Track.TREATMENT);
    }
    if (prompt.endsWith("Reply with ONLY five YES or NO answers, one per line.")) {
      return java.util.Optional.of(org.mmrarebench.core.Track.CROSSMODAL);
    }
    if (prompt.endsWith("Reply with ONLY eight scores (0, 1, or 2), one per line.")) {
      return java.util.Optional.of(org.mmrarebench.core.Track.EXAMINATION);
    }
    return java.util.Optional.empty();
  }

  /**
   * The sha256 of a judge prompt: the prompt's identity in items.jsonl and in the journal's keys,
   * which must agree for a resumed run to find its replies.
   */
  static String sha256(String prompt) {
    return com.google.common.hash.Hashing.sha256().hashString(prompt, java.nio.charset.StandardCharsets.UTF_8)
        .toString();
  }

  /** The judge prompt for {@code item} answered with {@code prediction}. */
  public static String build(BenchmarkItem item, String prediction) {
    if (item instanceof DiagnosisItem d) {
      return diagnosis(d, prediction);
    }
    StringBuilder sb = new StringBuilder(4096);
    String pre;
    String post;
    if (item instanceof TreatmentItem t) {
      pre = TREATMENT_PRE;
      post = TREATMENT_POST;
      head(sb, pre, item, prediction);
      line(sb, "Required treatment elements: ", t.mustInclude());
      line(sb, "Safety violations to check: ", t.mustNot());
    } else if (item instanceof CrossmodalItem c) {
      pre = CROSSMODAL_PRE;
      post = CROSSMODAL_POST;
      head(sb, pre, item, prediction);
      line(sb, "Key medical findings: ", c.keyFindings());
      if (!c.relationType().isEmpty()) {
        sb.append("Expected cross-modal relationship: ").append(c.relationType()).append('\n');
      }
    } else {
      ExaminationItem e = (ExaminationItem) item;
      pre = EXAMINATION_PRE;
      post = EXAMINATION_POST;
      head(sb, pre, item, prediction);
      line(sb, "Key diagnostic tests expected: ", e.keyTests());
      line(sb, "Red flags that should be addressed: ", e.redFlags());
      line(sb, "Tests that should NOT be recommended: ", e.mustNot());
    }
    return sb.append(post).toString();
  }

  private static String diagnosis(DiagnosisItem d, String prediction) {
    List<String> golds = d.golds();
    StringBuilder sb = new StringBuilder(4096).append(DIAG_PRE);
    sb.append("Reference diagnosis: ").append(golds.get(0)).append('\n');
    if (golds.size() > 1) {
      sb.append("Acceptable synonyms/abbreviations: ").append(String.join("; ", golds.subList(1, golds.size())))
          .append('\n');
    }
    sb.append("\nModel response: ").append(PyText.strip(prediction));
    return sb.append(DIAG_POST).toString();
  }

  private static void head(StringBuilder sb, String pre, BenchmarkItem item, String prediction) {
    sb.append(pre).append("Question: ").append(item.question()).append("\n\nReference answer: ").append(item.answer())
        .append("\n\nModel response: ").append(prediction).append("\n\n");
  }

  private static void line(StringBuilder sb, String label, List<String> values) {
    if (!values.isEmpty()) {
      sb.append(label).append(String.join("; ", values)).append('\n');
    }
  }

  private static final String DIAG_PRE = "You are an extremely strict medical expert evaluator. You are evaluating whether a model correctly identified a diagnosis from clinical presentation and medical images. The model was asked to output ONLY the disease name. Apply the STRICTEST possible interpretation. Answer YES ONLY when the criterion is COMPLETELY satisfied.\n"
      + "\n";
  private static final String DIAG_POST = "\n"
      + "\n"
      + "IMPORTANT CALIBRATION: Only models that name the EXACT correct diagnosis (or an accepted synonym) should receive YES on question 1. Naming a related but different disease, a broader category, or a partial match is NO.\n"
      + "\n"
      + "Answer each question with YES or NO only:\n"
      + "1. EXACT DIAGNOSIS MATCH: Does the model response name the correct diagnosis (or an accepted synonym/abbreviation listed above) as its answer? The disease name must be an exact or near-exact match — naming a parent category (e.g., \"vasculitis\" instead of \"granulomatosis with polyangiitis\"), a sibling disease, or a related but distinct condition is NO. (YES/NO)\n"
      + "2. CORRECT DISEASE CATEGORY: Even if the exact diagnosis is wrong, does the response identify the correct organ system AND disease category? For example, if the answer is \"granulomatosis with polyangiitis\" and the model says \"microscopic polyangiitis\", the category (ANCA-associated vasculitis) is correct. But saying \"pneumonia\" for a vasculitis case is NO. (YES/NO)\n"
      + "3. DIAGNOSTIC SPECIFICITY: Is the model's response a specific disease entity rather than a vague or overly broad term? Responses like \"infection\", \"tumor\", \"inflammatory condition\", or \"autoimmune disease\" without specifying the exact disease are NO. (YES/NO)\n"
      + "\n"
      + "Reply with ONLY three YES or NO answers, one per line.";
  private static final String TREATMENT_PRE = "You are an extremely strict medical expert evaluator conducting a rigorous peer review. Your standard is that of a senior attending physician reviewing a resident's treatment plan. Apply the STRICTEST possible interpretation of each criterion. Answer YES ONLY when the criterion is COMPLETELY, EXPLICITLY, and SPECIFICALLY satisfied with no ambiguity whatsoever. A merely plausible or partially correct response MUST receive NO. Generic medical advice that could apply to any patient MUST receive NO. If information is implied but not explicitly stated, answer NO.\n"
      + "\n";
  private static final String TREATMENT_POST = "\n"
      + "Evaluate with MAXIMUM strictness. Answer each question with YES or NO only:\n"
      + "1. Does the response explicitly name the EXACT SAME specific treatments as the reference (generic categories like \"chemotherapy\" or \"antibiotics\" without specifying the exact regimen do NOT count)? (YES/NO)\n"
      + "2. Does the response include the CORRECT specific drug names AND dosages/routes that match the reference (mentioning a drug class without the specific agent is NO; omitting dosage is NO)? (YES/NO)\n"
      + "3. Is the response COMPLETELY free of ALL safety violations, contraindications, drug interactions, and clinically dangerous suggestions (even one minor safety issue means NO)? (YES/NO)\n"
      + "4. Does the response specify CONCRETE follow-up timelines (e.g., \"reassess in 2 weeks\") and SPECIFIC monitoring parameters (e.g., \"monitor serum creatinine\") rather than vague statements like \"regular follow-up\" or \"monitor labs\"? (YES/NO)\n"
      + "5. Does the response demonstrate CORRECT understanding of the pathophysiology that directly justifies the chosen treatment (not just restating the diagnosis)? (YES/NO)\n"
      + "6. Is the response detailed and specific enough that a clinician could directly implement it as a treatment plan WITHOUT needing additional information? (YES/NO)\n"
      + "\n"
      + "Default to NO unless you are CERTAIN the criterion is fully met. Reply with ONLY six YES or NO answers, one per line.";
  private static final String CROSSMODAL_PRE = "You are an extremely strict medical expert evaluator conducting a rigorous peer review. Your standard is that of a senior radiologist reviewing cross-modal imaging interpretations. Apply the STRICTEST possible interpretation of each criterion. Answer YES ONLY when the criterion is COMPLETELY, EXPLICITLY, and SPECIFICALLY satisfied with no ambiguity whatsoever. A merely plausible or partially correct response MUST receive NO. Generic observations that could apply to any case MUST receive NO. If information is implied but not explicitly stated, answer NO.\n"
      + "\n";
  private static final String CROSSMODAL_POST = "\n"
      + "Evaluate with MAXIMUM strictness. Answer each question with YES or NO only:\n"
      + "1. Does the response correctly identify ALL the SPECIFIC key findings listed above (missing even one key finding means NO; vague descriptions that do not name the specific finding means NO)? (YES/NO)\n"
      + "2. Does the response EXPLICITLY describe how findings from DIFFERENT modalities relate to each other (simply listing findings from each modality separately is NO)? (YES/NO)\n"
      + "3. Does the response correctly classify the relationship type as EXACTLY matching the expected type (confirm/complement/contrast) — using the wrong relationship type or being vague means NO? (YES/NO)\n"
      + "4. Is the clinical reasoning ENTIRELY specific to this case with ZERO major factual errors (any incorrect medical claim, even if minor, means NO)? (YES/NO)\n"
      + "5. Does the response provide a genuinely INTEGRATED cross-modal synthesis that derives NEW clinical insight from combining modalities (not just summarizing each modality independently)? (YES/NO)\n"
      + "\n"
      + "Default to NO unless you are CERTAIN the criterion is fully met. Reply with ONLY five YES or NO answers, one per line.";
  private static final String EXAMINATION_PRE = "You are a board-certified physician evaluating a diagnostic workup plan. Rate each dimension on a 0-1-2 scale.\n"
      + "CALIBRATION: Score 2 is RARE and requires textbook-perfect performance. Score 1 is the expected score for a competent response. Score 0 means clearly inadequate. A strong response typically averages 0.8-1.0 across dimensions.\n"
      + "\n";
  private static final String EXAMINATION_POST = "\n"
      + "Rate each dimension (0, 1, or 2):\n"
      + "1. KEY TEST COVERAGE:\n"
      + "   2 = names >95% of the key tests with exact clinical names AND correct priority order;\n"
      + "   1 = names 60-95% of the key tests, or names most but with imprecise terminology;\n"
      + "   0 = names <60% of the key tests or recommends mostly irrelevant tests.\n"
      + "2. TEST SPECIFICITY:\n"
      + "   2 = ALL tests specify exact parameters (body region, contrast agent, sequences/views);\n"
      + "   1 = some tests have parameters but others only name the modality;\n"
      + "   0 = most tests are named only by modality without clinical details.\n"
      + "3. TEST ORDERING & CONDITIONAL LOGIC:\n"
      + "   2 = explicitly states first-line vs second-line vs confirmatory with conditional\n"
      + "       branching (e.g., \"if X is negative, proceed to Y\");\n"
      + "   1 = mentions some ordering or priority but lacks explicit branching logic;\n"
      + "   0 = flat list of tests with no ordering or sequencing.\n"
      + "4. EXPECTED FINDINGS:\n"
      + "   2 = describes specific expected findings for each major test (e.g., \"MRI may show\n"
      + "       hyperintense T2 signal in periventricular region suggesting demyelination\");\n"
      + "   1 = mentions expected findings for some tests but not most;\n"
      + "   0 = does not describe what findings to look for in any test.\n"
      + "5. QUANTITATIVE CRITERIA:\n"
      + "   2 = provides specific thresholds, lab cutoffs, or scoring systems for most tests\n"
      + "       (e.g., \"ESR >20mm/hr\", \"lesion >1cm warrants biopsy\");\n"
      + "   1 = mentions some quantitative elements but most tests lack thresholds;\n"
      + "   0 = no quantitative criteria or measurement standards mentioned.\n"
      + "6. DIFFERENTIAL NARROWING:\n"
      + "   2 = each test explicitly maps to ruling in/out specific differential diagnoses,\n"
      + "       forming a coherent diagnostic decision tree;\n"
      + "   1 = some tests linked to differentials but the overall logic is incomplete;\n"
      + "   0 = tests are not connected to any differential diagnosis reasoning.\n"
      + "7. PATIENT-SPECIFIC ADAPTATION:\n"
      + "   2 = tests are explicitly adapted to patient demographics, comorbidities, and history\n"
      + "       (e.g., adjusting for age, pregnancy, renal function, allergies);\n"
      + "   1 = mentions some patient factors but does not adapt test choices accordingly;\n"
      + "   0 = generic workup with no patient-specific adaptation.\n"
      + "8. TESTING PRECISION:\n"
      + "   2 = zero redundant tests AND explicitly justifies why each is necessary;\n"
      + "   1 = mostly relevant but includes some redundancy or lacks justification;\n"
      + "   0 = shotgun approach with many irrelevant or redundant tests.\n"
      + "\n"
      + "Reply with ONLY eight scores (0, 1, or 2), one per line.";

}
