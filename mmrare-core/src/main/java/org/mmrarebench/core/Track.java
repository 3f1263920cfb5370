package org.mmrarebench.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four MMRareBench tracks, with their release folder and file names and the instruction text
 * the reference shows the model (verbatim, as in VLMEvalKit's integration).
 */
public enum Track {
  /** T1: open-ended diagnosis, judged on 3 YES/NO dimensions plus token F1. */
  DIAGNOSIS("diagnosis", "diagnosis_opened.tsv", "MMRarebench_Diagnosis", true,
      "Based on the clinical presentation and medical images, provide your diagnosis. Output ONLY the most"
          + " likely diagnosis using the standard clinical disease name. Do not include explanations or reasoning."),
  /** T2: treatment planning, judged on 6 YES/NO dimensions. */
  TREATMENT("treatment", "treatment_plan.tsv", "MMRarebench_Treatment", true,
      "Based on the clinical presentation and medical images provided, propose a detailed treatment plan."
          + " Include specific medications, procedures, and follow-up recommendations as appropriate."),
  /** T3: cross-image evidence alignment, judged on 5 YES/NO dimensions. */
  CROSSMODAL("crossmodal", "crossmodal_comparison.tsv", "MMRarebench_Crossmodal", true,
      "Analyze the relationship between the provided medical images and clinical information. Describe the"
          + " cross-modal findings, their relationship (confirm, complement, or contrast), and the clinical"
          + " significance of this relationship."),
  /** T4: examination suggestion, judged on 8 dimensions scored 0/1/2; the model never sees the context. */
  EXAMINATION("examination", "examination_workup.tsv", "MMRarebench_Examination", false,
      "Based on the clinical presentation and medical images, recommend the appropriate examination workup."
          + " List the key diagnostic tests that should be ordered, explain the purpose of each test, and"
          + " identify any red flags that need to be ruled out.");

  private final String folder;
  private final String fileName;
  private final String vlmevalkitDataset;
  private final boolean showsContext;
  private final String instruction;

  Track(String folder, String fileName, String vlmevalkitDataset, boolean showsContext, String instruction) {
    this.folder = folder;
    this.fileName = fileName;
    this.vlmevalkitDataset = vlmevalkitDataset;
    this.showsContext = showsContext;
    this.instruction = instruction;
  }

  /** The release folder name, also the track's name on the command line: {@code diagnosis}, ... */
  public String folder() {
    return folder;
  }

  /** The TSV file name inside the folder, for example {@code diagnosis_opened.tsv}. */
  public String fileName() {
    return fileName;
  }

  /** The dataset name VLMEvalKit uses, for example {@code MMRarebench_Diagnosis}. */
  public String vlmevalkitDataset() {
    return vlmevalkitDataset;
  }

  /** Whether the model sees the case narrative; false for EXAMINATION (the reference's leakage control). */
  public boolean showsContext() {
    return showsContext;
  }

  /** The instruction appended to every prompt of this track, verbatim from the reference. */
  public String instruction() {
    return instruction;
  }

  /**
   * Parses a track from its folder name ({@code diagnosis}), enum name ({@code DIAGNOSIS}) or
   * VLMEvalKit dataset name, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Track parse(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown track '" + name + "'; expected one of "
        + Arrays.stream(values()).map(Track::folder).collect(Collectors.joining(", "))));
  }

  /** The track named {@code name} as {@link #parse} reads it, or empty. */
  public static java.util.Optional<Track> find(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Track t : values()) {
      if (t.folder.equals(n) || t.vlmevalkitDataset.toLowerCase(Locale.ROOT).equals(n)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
