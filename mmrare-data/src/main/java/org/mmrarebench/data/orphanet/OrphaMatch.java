package org.mmrarebench.data.orphanet;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.mmrarebench.core.OrphaCode;

/**
 * The judge-free, ontology-aware diagnosis measure: a prediction is mapped to ORPHA codes by name
 * (label or synonym), and the closest relation of any mapped code to the gold code is the outcome.
 *
 * @param outcome exact, broader, narrower, sibling, unrelated or unmapped
 * @param mapped the codes the prediction's name maps to (empty when unmapped)
 */
public record OrphaMatch(Outcome outcome, List<OrphaCode> mapped) {
  /** The outcomes, from best to worst. */
  public enum Outcome {
    /** The prediction names the gold entry (label or synonym). */ EXACT,
    /** It names an ancestor of the gold entry (a parent category). */ BROADER,
    /** It names a descendant (a subtype). */ NARROWER,
    /** It names an entry sharing a parent with the gold entry. */ SIBLING,
    /** It names an unrelated entry. */ UNRELATED,
    /** It names nothing in Orphanet. */ UNMAPPED;

    /** Lower-case name as written to results files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the outcome counts as related: exact, broader, narrower or sibling. */
    public boolean related() {
      return EnumSet.of(EXACT, BROADER, NARROWER, SIBLING).contains(this);
    }
  }

  /** Validates. */
  public OrphaMatch {
    checkNotNull(outcome, "outcome");
    mapped = List.copyOf(mapped);
  }

  /**
   * Matches {@code prediction} against {@code gold}. The prediction is trimmed; a trailing period
   * and a leading article are ignored when the full text names nothing.
   */
  public static OrphaMatch of(Orphanet orphanet, OrphaCode gold, String prediction) {
    List<Disorder> hits = orphanet.byName(prediction);
    if (hits.isEmpty()) {
      String t = prediction.strip().replaceAll("[.;,]+$", "").replaceFirst("(?i)^(the|a|an)\\s+", "");
      hits = orphanet.byName(t);
    }
    if (hits.isEmpty()) {
      return new OrphaMatch(Outcome.UNMAPPED, List.of());
    }
    Outcome best = Outcome.UNRELATED;
    for (Disorder d : hits) {
      Outcome o = switch (orphanet.relation(d.code(), gold)) {
        case SAME -> Outcome.EXACT;
        case BROADER -> Outcome.BROADER;
        case NARROWER -> Outcome.NARROWER;
        case SIBLING -> Outcome.SIBLING;
        case UNRELATED -> Outcome.UNRELATED;
      };
      if (o.ordinal() < best.ordinal()) {
        best = o;
      }
    }
    return new OrphaMatch(best, hits.stream().map(Disorder::code).toList());
  }
}
