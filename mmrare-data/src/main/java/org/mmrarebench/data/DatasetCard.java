package org.mmrarebench.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.audit.Audit;
import org.mmrarebench.data.orphanet.Disorder;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * A dataset card: beyond {@link DatasetStats}, the diagnosis categories, ORPHA coverage and
 * disorder types of the gold codes, the images-per-item histogram, the image size distribution
 * and, when asked, the audit summary. Built without decoding images, except for the audit, which
 * hashes every image once.
 */
public final class DatasetCard {
  private DatasetCard() {}

  /** The card as nested maps (for {@code stats --json}); {@code audit} adds the audit summary. */
  public static Map<String, Object> of(Benchmark bench, Orphanet orphanet, boolean audit) {
    Map<String, Object> card = new LinkedHashMap<>();
    List<DiagnosisItem> dx = bench.stream().filter(DiagnosisItem.class::isInstance).map(DiagnosisItem.class::cast)
        .toList();
    card.put("categories", dx.stream().collect(Collectors.groupingBy(
        d -> d.category().isEmpty() ? "(none)" : d.category(), TreeMap::new, Collectors.counting())));
    Set<OrphaCode> codes = dx.stream().map(DiagnosisItem::orphaCode).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("diagnosis_items", dx.size());
    coverage.put("items_with_code", dx.stream().filter(d -> d.orphaCode().isPresent()).count());
    coverage.put("distinct_codes", codes.size());
    coverage.put("codes_known_to_orphanet", codes.stream().filter(c -> orphanet.get(c).isPresent()).count());
    coverage.put("orphanet_release", orphanet.release());
    card.put("orpha_coverage", coverage);
    card.put("disorder_types", dx.stream().map(DiagnosisItem::orphaCode).flatMap(Optional::stream)
        .map(c -> orphanet.get(c).map(Disorder::type).orElse("(unknown code)"))
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting())));
    Map<String, Object> histogram = new LinkedHashMap<>();
    for (Track t : bench.tracks()) {
      histogram.put(t.folder(), bench.track(t).stream().collect(Collectors.groupingBy(i -> i.images().size(),
          TreeMap::new, Collectors.counting())));
    }
    card.put("images_per_item_histogram", histogram);
    long[] sizes = bench.stream().flatMap(i -> i.images().stream()).mapToLong(ImageRef::size).sorted().toArray();
    Map<String, Object> dist = new LinkedHashMap<>();
    dist.put("images", sizes.length);
    if (sizes.length > 0) {
      dist.put("min", sizes[0]);
      dist.put("p25", sizes[(sizes.length - 1) / 4]);
      dist.put("median", sizes[(sizes.length - 1) / 2]);
      dist.put("p75", sizes[3 * (sizes.length - 1) / 4]);
      dist.put("max", sizes[sizes.length - 1]);
      dist.put("mean", Arrays.stream(sizes).average().orElse(0));
    }
    card.put("image_bytes", dist);
    if (audit) {
      Audit.Report r = Audit.run(bench, orphanet);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("findings", r.findings().size());
      a.put("counts", r.counts());
      a.put("alignment", r.alignment().values().stream()
          .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting())));
      a.put("examples", r.examples(3));
      card.put("audit", a);
    }
    return card;
  }
}
