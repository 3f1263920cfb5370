package org.mmrarebench.data.orphanet;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import org.mmrarebench.core.OrphaCode;

/**
 * One Orphanet entry.
 *
 * @param code the ORPHA code
 * @param label the preferred English label
 * @param type the disorder type, for example {@code Disease}, {@code Category}, {@code Clinical group}
 * @param synonyms English synonyms
 * @param parents direct parents in the Orphanet hierarchy
 * @param omim OMIM cross-references with their mapping relation
 * @param classifications names of the Orphanet classifications the entry appears in
 * @param phenotypes annotated HPO phenotypes with frequency
 */
public record Disorder(OrphaCode code, String label, String type, List<String> synonyms, List<OrphaCode> parents,
    List<OmimXref> omim, List<String> classifications, List<Phenotype> phenotypes) {

  /** An OMIM cross-reference. @param number the OMIM number @param relation E, BTNT, NTBT or ND */
  public record OmimXref(String number, String relation) {}

  /** How often a phenotype occurs in a disorder, as Orphanet grades it. */
  public enum Frequency {
    /** 100 %. */ OBLIGATE(1.0),
    /** 99-80 %. */ VERY_FREQUENT(0.9),
    /** 79-30 %. */ FREQUENT(0.55),
    /** 29-5 %. */ OCCASIONAL(0.17),
    /** 4-1 %. */ VERY_RARE(0.025),
    /** 0 %. */ EXCLUDED(0.0),
    /** Not graded. */ UNKNOWN(0.5);

    private final double weight;

    Frequency(double weight) {
      this.weight = weight;
    }

    /** The midpoint of the grade's range, used as a weight. */
    public double weight() {
      return weight;
    }

    static Frequency ofCode(String c) {
      return switch (c) {
        case "O" -> OBLIGATE;
        case "V" -> VERY_FREQUENT;
        case "F" -> FREQUENT;
        case "C" -> OCCASIONAL;
        case "R" -> VERY_RARE;
        case "X" -> EXCLUDED;
        default -> UNKNOWN;
      };
    }
  }

  /** An HPO phenotype of a disorder. @param hpoId e.g. HP:0000256 @param term the HPO term @param frequency its grade */
  public record Phenotype(String hpoId, String term, Frequency frequency) {}

  /** Validates and copies. */
  public Disorder {
    checkNotNull(code, "code");
    checkNotNull(label, "label");
    checkNotNull(type, "type");
    synonyms = List.copyOf(synonyms);
    parents = List.copyOf(parents);
    omim = List.copyOf(omim);
    classifications = List.copyOf(classifications);
    // the bundled ontology's lists are immutable and read on first use; any other list is copied
    phenotypes = phenotypes instanceof Orphanet.LazyPhenotypes ? phenotypes : List.copyOf(phenotypes);
  }

  /** Whether the entry is a grouping too broad to be a diagnosis (a category or clinical group). */
  public boolean isGrouping() {
    return type.equals("Category") || type.equals("Clinical group");
  }
}
