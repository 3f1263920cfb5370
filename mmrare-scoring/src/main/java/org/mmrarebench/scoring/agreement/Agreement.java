package org.mmrarebench.scoring.agreement;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.TextLines;
import org.mmrarebench.data.internal.JsonLines;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Interval;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.StrictJudgeParser;

/**
 * How far a judge can be trusted, measured: its per-dimension verdicts against human verdicts
 * (percent agreement and Cohen's kappa, with intervals), and agreement among several raters of the
 * same items (Fleiss' kappa; Krippendorff's alpha for nominal data) - for a judge asked several
 * times, or a panel of judges.
 */
public final class Agreement {
  private Agreement() {}

  /**
   * One human verdict.
   *
   * @param id the item
   * @param dimension the rubric dimension, 1-based in rubric order
   * @param verdict 1 (YES) or 0 (NO); for examination 0, 1 or 2
   */
  public record HumanVerdict(ItemId id, int dimension, int verdict) {
    /** Validates. */
    public HumanVerdict {
      checkArgument(dimension >= 1 && dimension <= StrictJudgeParser.dimensions(id.track()),
          "dimension %s of %s is outside 1..%s", dimension, id, StrictJudgeParser.dimensions(id.track()));
      checkArgument(verdict >= 0 && verdict <= (id.track() == Track.EXAMINATION ? 2 : 1),
          "verdict %s of %s dimension %s is not allowed", verdict, id, dimension);
    }
  }

  /**
   * Judge versus human on one track and dimension.
   *
   * @param track the track
   * @param dimension 1-based
   * @param n items with both a judge verdict and a human one
   * @param percentAgreement share of items where they agree (0-1)
   * @param percentInterval Wilson interval of the agreement share
   * @param kappa Cohen's kappa (NaN when undefined: one category only)
   * @param kappaInterval seeded bootstrap interval of kappa over items
   */
  public record DimensionAgreement(Track track, int dimension, int n, double percentAgreement,
      Interval percentInterval, double kappa, Interval kappaInterval) {}

  /**
   * Reads human verdicts: JSON lines {@code {"track", "index", "dimension", "verdict"}} or a CSV
   * with the header {@code track,index,dimension,verdict}; a verdict is YES/NO (any case) or 0/1/2.
   *
   * @throws InvalidDataException naming the file, line and the fix for the first bad line
   */
  public static List<HumanVerdict> readHuman(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<HumanVerdict> out = new ArrayList<>();
    if (name.endsWith(".csv")) {
      boolean[] header = {false};
      TextLines.forEach(file, (n, line) -> {
        if (!header[0]) {
          if (n != 1 || !line.strip().replace(" ", "").equalsIgnoreCase("track,index,dimension,verdict")) {
            throw bad(file, n, "the header is not track,index,dimension,verdict");
          }
          header[0] = true;
          return;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw bad(file, n, "expected 4 comma-separated fields, saw " + f.length);
        }
        out.add(verdict(file, n, f[0], f[1], f[2], f[3]));
      });
      if (!header[0]) {
        throw bad(file, 1, "the file is empty; expected the header track,index,dimension,verdict");
      }
      return out;
    }
    JsonLines.forEachObject(file, "BAD_HUMAN_VERDICT", "Write {\"track\", \"index\", \"dimension\", \"verdict\"} per line.",
        (n, o) -> out.add(verdict(file, n, text(o, "track"), text(o, "index"), text(o, "dimension"),
            text(o, "verdict"))));
    return out;
  }

  private static String text(JsonNode o, String k) {
    JsonNode v = o.get(k);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static HumanVerdict verdict(Path file, int line, String track, String index, String dim, String verdict) {
    Optional<Track> t = Track.find(track.strip());
    if (t.isEmpty()) {
      throw bad(file, line, "unknown track '" + track + "'");
    }
    int d;
    try {
      d = Integer.parseInt(dim.strip());
    } catch (NumberFormatException e) {
      throw bad(file, line, "dimension '" + dim + "' is not a number");
    }
    String v = verdict.strip().toUpperCase(Locale.ROOT);
    int x = switch (v) {
      case "YES", "Y", "TRUE" -> 1;
      case "NO", "N", "FALSE" -> 0;
      case "0", "1", "2" -> Integer.parseInt(v);
      default -> throw bad(file, line, "verdict '" + verdict + "' is not YES, NO, 0, 1 or 2");
    };
    try {
      return new HumanVerdict(ItemId.of(t.get(), index.strip()), d, x);
    } catch (IllegalArgumentException e) {
      throw bad(file, line, e.getMessage());
    }
  }

  private static InvalidDataException bad(Path file, int line, String what) {
    return new InvalidDataException(Problem.error("BAD_HUMAN_VERDICT", file.toString(), line, null, null, what + ".",
        "Write one verdict per line: track, index, dimension (1-based), verdict (YES/NO, or 0-2 for examination)."));
  }

  /**
   * The judge's verdicts (strict-mode items, which record one per dimension) against the human
   * ones, per track and dimension, in track and dimension order.
   */
  public static List<DimensionAgreement> judgeVsHuman(List<ItemResult> items, List<HumanVerdict> human,
      Bootstrap bootstrap) {
    Map<ItemId, List<Integer>> judged = new HashMap<>();
    items.stream().filter(r -> !r.verdicts().isEmpty()).forEach(r -> judged.put(r.id(), r.verdicts()));
    Map<String, List<int[]>> pairs = new TreeMap<>();
    for (HumanVerdict h : human) {
      List<Integer> v = judged.get(h.id());
      if (v != null && h.dimension() <= v.size()) {
        pairs.computeIfAbsent(h.id().track().ordinal() + "/" + String.format(Locale.ROOT, "%02d", h.dimension()),
            k -> new ArrayList<>()).add(new int[] {v.get(h.dimension() - 1), h.verdict()});
      }
    }
    List<DimensionAgreement> out = new ArrayList<>();
    pairs.forEach((k, ps) -> {
      Track t = Track.values()[Integer.parseInt(k.substring(0, k.indexOf('/')))];
      int dim = Integer.parseInt(k.substring(k.indexOf('/') + 1));
      int[] a = ps.stream().mapToInt(p -> p[0]).toArray();
      int[] b = ps.stream().mapToInt(p -> p[1]).toArray();
      double[] agree = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        agree[i] = a[i] == b[i] ? 1 : 0;
      }
      double pct = java.util.Arrays.stream(agree).average().orElse(Double.NaN);
      out.add(new DimensionAgreement(t, dim, a.length, pct, bootstrap.meanInterval(agree), cohenKappa(a, b),
          kappaInterval(a, b, bootstrap)));
    });
    return out;
  }

  /** Cohen's kappa of two raters over the same items; NaN when chance agreement is 1 (one category). */
  public static double cohenKappa(int[] a, int[] b) {
    checkArgument(a.length == b.length, "raters differ in length: %s vs %s", a.length, b.length);
    int n = a.length;
    if (n == 0) {
      return Double.NaN;
    }
    Map<Integer, Integer> ca = new HashMap<>();
    Map<Integer, Integer> cb = new HashMap<>();
    int agree = 0;
    for (int i = 0; i < n; i++) {
      ca.merge(a[i], 1, Integer::sum);
      cb.merge(b[i], 1, Integer::sum);
      agree += a[i] == b[i] ? 1 : 0;
    }
    double po = agree / (double) n;
    double pe = 0;
    for (Map.Entry<Integer, Integer> e : ca.entrySet()) {
      pe += (e.getValue() / (double) n) * (cb.getOrDefault(e.getKey(), 0) / (double) n);
    }
    return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
  }

  private static Interval kappaInterval(int[] a, int[] b, Bootstrap bootstrap) {
    int n = a.length;
    if (n < 2) {
      return new Interval(Double.NaN, Double.NaN);
    }
    SplittableRandom rnd = new SplittableRandom(bootstrap.seed());
    double[] ks = new double[bootstrap.resamples()];
    int m = 0;
    int[] ra = new int[n];
    int[] rb = new int[n];
    for (int r = 0; r < bootstrap.resamples(); r++) {
      for (int i = 0; i < n; i++) {
        int j = rnd.nextInt(n);
        ra[i] = a[j];
        rb[i] = b[j];
      }
      double k = cohenKappa(ra, rb);
      if (!Double.isNaN(k)) {
        ks[m++] = k;
      }
    }
    if (m == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double[] sorted = java.util.Arrays.copyOf(ks, m);
    java.util.Arrays.sort(sorted);
    double alpha = 1 - bootstrap.confidence();
    return new Interval(Bootstrap.quantile(sorted, alpha / 2), Bootstrap.quantile(sorted, 1 - alpha / 2));
  }

  /**
   * The ratings matrix of one dimension: {@code items[item][rater]} is a rater's verdict list, and
   * row {@code item} holds the first {@code raters} raters' verdicts on {@code dim}.
   */
  static int[][] ratingsOf(List<List<List<Integer>>> items, int raters, int dim) {
    int[][] ratings = new int[items.size()][raters];
    for (int i = 0; i < items.size(); i++) {
      for (int j = 0; j < raters; j++) {
        ratings[i][j] = items.get(i).get(j).get(dim);
      }
    }
    return ratings;
  }

  /**
   * Fleiss' kappa: {@code ratings[item][rater]} categories, every item rated by the same number of
   * raters (at least two); NaN when chance agreement is 1.
   */
  public static double fleissKappa(int[][] ratings) {
    int n = ratings.length;
    checkArgument(n > 0, "no items");
    int k = ratings[0].length;
    checkArgument(k >= 2, "Fleiss' kappa needs at least two raters per item, got %s", k);
    Map<Integer, Double> totals = new TreeMap<>();
    double pBar = 0;
    for (int[] item : ratings) {
      checkArgument(item.length == k, "every item needs %s ratings, one has %s", k, item.length);
      Map<Integer, Integer> c = new HashMap<>();
      for (int r : item) {
        c.merge(r, 1, Integer::sum);
      }
      double sumSq = 0;
      for (Map.Entry<Integer, Integer> e : c.entrySet()) {
        sumSq += (double) e.getValue() * e.getValue();
        totals.merge(e.getKey(), (double) e.getValue(), Double::sum);
      }
      pBar += (sumSq - k) / (k * (k - 1.0));
    }
    pBar /= n;
    double pe = 0;
    for (double t : totals.values()) {
      double p = t / (n * (double) k);
      pe += p * p;
    }
    return pe == 1 ? Double.NaN : (pBar - pe) / (1 - pe);
  }

  /**
   * Krippendorff's alpha for nominal data: {@code ratings[item][rater]}, a negative value meaning
   * "not rated"; items with fewer than two ratings are left out. NaN when expected disagreement is 0.
   */
  public static double krippendorffAlphaNominal(int[][] ratings) {
    Map<Long, Double> coincidence = new HashMap<>();
    Map<Integer, Double> marginals = new TreeMap<>();
    double total = 0;
    for (int[] item : ratings) {
      List<Integer> vs = new ArrayList<>();
      for (int r : item) {
        if (r >= 0) {
          vs.add(r);
        }
      }
      int m = vs.size();
      if (m < 2) {
        continue;
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          if (i != j) {
            long key = ((long) vs.get(i) << 32) | (vs.get(j) & 0xffffffffL);
            coincidence.merge(key, 1.0 / (m - 1), Double::sum);
          }
        }
      }
    }
    for (Map.Entry<Long, Double> e : coincidence.entrySet()) {
      marginals.merge((int) (e.getKey() >> 32), e.getValue(), Double::sum);
      total += e.getValue();
    }
    if (total <= 1) {
      return Double.NaN;
    }
    double observed = 0;
    for (Map.Entry<Long, Double> e : coincidence.entrySet()) {
      if ((int) (e.getKey() >> 32) != (int) (long) e.getKey()) {
        observed += e.getValue();
      }
    }
    double expected = 0;
    List<Double> ms = new ArrayList<>(marginals.values());
    for (int i = 0; i < ms.size(); i++) {
      for (int j = 0; j < ms.size(); j++) {
        if (i != j) {
          expected += ms.get(i) * ms.get(j);
        }
      }
    }
    expected /= total - 1;
    return expected == 0 ? Double.NaN : 1 - observed / expected;
  }

  /** The rows of {@code judgeVsHuman} as plain values for JSON. */
  public static List<Map<String, Object>> toMaps(List<DimensionAgreement> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DimensionAgreement d : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("track", d.track().folder());
      m.put("dimension", d.dimension());
      m.put("n", d.n());
      m.put("percent_agreement", d.percentAgreement());
      m.put("percent_agreement_ci95", List.of(d.percentInterval().low(), d.percentInterval().high()));
      m.put("cohen_kappa", d.kappa());
      m.put("cohen_kappa_ci95", List.of(d.kappaInterval().low(), d.kappaInterval().high()));
      out.add(m);
    }
    return out;
  }
}
