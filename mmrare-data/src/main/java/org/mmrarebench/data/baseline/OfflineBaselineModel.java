package org.mmrarebench.data.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.orphanet.Disorder;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * A deterministic, offline baseline - a floor to beat, not a model. It never looks at images.
 *
 * <p>Diagnosis: finds the HPO terms of the bundled Orphanet phenotype annotations in the prompt
 * text (normalised, whole words; the packets carry no HPO synonyms, so only preferred terms count),
 * scores every disorder by the sum over its matched phenotypes of frequency weight x inverse
 * document frequency, and answers the best label (ties: lowest code; no match: "Unknown rare
 * disease"). Treatment, cross-modal and examination: a fixed template per track, given below.
 */
public final class OfflineBaselineModel implements ModelAdapter {
  /** The answer for TREATMENT prompts. */
  public static final String TREATMENT_TEMPLATE = "Refer to a rare-disease expert centre; confirm the diagnosis;"
      + " start supportive care and treat symptoms; arrange multidisciplinary follow-up.";
  /** The answer for CROSSMODAL prompts. */
  public static final String CROSSMODAL_TEMPLATE = "The imaging findings complement the clinical information;"
      + " together they support the working diagnosis.";
  /** The answer for EXAMINATION prompts. */
  public static final String EXAMINATION_TEMPLATE = "Complete blood count, metabolic panel, targeted imaging of the"
      + " affected region, and genetic testing; rule out infection and malignancy.";
  /** The answer when no phenotype is recognised. */
  public static final String UNKNOWN = "Unknown rare disease";

  private record Posting(int disorder, double weight) {}

  private final Orphanet orphanet;
  private final List<Disorder> disorders;
  private final Map<String, List<Posting>> byTerm = new HashMap<>();
  private final int maxTermWords;

  /** The baseline over the bundled Orphanet resource. */
  public static OfflineBaselineModel bundled() {
    return new OfflineBaselineModel(Orphanet.bundled());
  }

  /** The baseline over {@code orphanet}. */
  public OfflineBaselineModel(Orphanet orphanet) {
    this.orphanet = orphanet;
    this.disorders = orphanet.disorders();
    // about 8,000 distinct HPO terms among 100,000 annotations: normalise each once
    Map<String, String> normalized = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (Disorder d : disorders) {
      d.phenotypes().forEach(p -> df.merge(normalized.computeIfAbsent(p.term(), Orphanet::normalizeName), 1,
          Integer::sum));
    }
    int annotated = (int) disorders.stream().filter(d -> !d.phenotypes().isEmpty()).count();
    int words = 1;
    for (int i = 0; i < disorders.size(); i++) {
      for (Disorder.Phenotype p : disorders.get(i).phenotypes()) {
        String term = normalized.get(p.term());
        double idf = Math.log((double) annotated / df.get(term));
        byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(new Posting(i, p.frequency().weight() * idf));
      }
    }
    for (String term : df.keySet()) {
      words = Math.max(words, (int) term.chars().filter(ch -> ch == ' ').count() + 1);
    }
    this.maxTermWords = words;
  }

  @Override
  public String name() {
    return "mmrare-offline-baseline";
  }

  @Override
  public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
    long start = System.nanoTime();
    String text = prompt.text();
    String answer;
    if (text.endsWith(Track.DIAGNOSIS.instruction())) {
      answer = diagnose(text);
    } else if (text.endsWith(Track.TREATMENT.instruction())) {
      answer = TREATMENT_TEMPLATE;
    } else if (text.endsWith(Track.CROSSMODAL.instruction())) {
      answer = CROSSMODAL_TEMPLATE;
    } else {
      answer = EXAMINATION_TEMPLATE;
    }
    return ModelResponse.of(answer, Duration.ofNanos(System.nanoTime() - start));
  }

  /** The best-scoring disorder's label for a case text, or {@link #UNKNOWN}. */
  public String diagnose(String caseText) {
    return rank(caseText).stream().findFirst().map(c -> orphanet.get(c).orElseThrow().label()).orElse(UNKNOWN);
  }

  /** Disorders with any matched phenotype, best first (ties by code). */
  public List<OrphaCode> rank(String caseText) {
    String[] words = Orphanet.normalizeName(caseText).split(" ");
    double[] score = new double[disorders.size()];
    java.util.Set<String> seen = new java.util.HashSet<>();
    // Every word n-gram up to the longest HPO term is looked up once.
    for (int i = 0; i < words.length; i++) {
      StringBuilder gram = new StringBuilder();
      for (int n = 0; n < maxTermWords && i + n < words.length; n++) {
        if (n > 0) {
          gram.append(' ');
        }
        gram.append(words[i + n]);
        String g = gram.toString();
        List<Posting> ps = byTerm.get(g);
        if (ps != null && seen.add(g)) {
          ps.forEach(p -> score[p.disorder()] += p.weight());
        }
      }
    }
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      if (score[i] > 0) {
        hits.add(i);
      }
    }
    hits.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
        : disorders.get(a).code().compareTo(disorders.get(b).code()));
    return hits.stream().map(i -> disorders.get(i).code()).toList();
  }
}
