package org.mmrarebench.data.orphanet;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSetMultimap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.OrphaCode;

/**
 * The bundled Orphanet ontology: 9,960 entries with labels, synonyms, types, parents, OMIM
 * cross-references, HPO phenotypes and classification membership (ORPHApackets December 2025,
 * classifications July 2025; CC BY 4.0, "Orphanet / Orphadata, INSERM"). Immutable and thread-safe;
 * {@link #bundled()} reads the resource once.
 */
public final class Orphanet {
  private static final String RESOURCE = "/org/mmrarebench/data/orphanet/orphanet.tsv.gz";

  /** How two entries relate in the hierarchy. */
  public enum Relation {
    /** The same entry. */ SAME,
    /** The first is an ancestor of the second. */ BROADER,
    /** The first is a descendant of the second. */ NARROWER,
    /** Not ancestor or descendant, but sharing a direct parent. */ SIBLING,
    /** None of the above. */ UNRELATED
  }

  private final Map<String, String> header;
  private final ImmutableMap<OrphaCode, Disorder> byCode;
  // Built on first use: looking names up or walking down the hierarchy is not needed by every caller.
  private final com.google.common.base.Supplier<ImmutableListMultimap<String, OrphaCode>> byName;
  private final com.google.common.base.Supplier<ImmutableSetMultimap<OrphaCode, OrphaCode>> children;

  private Orphanet(Map<String, String> header, List<Disorder> disorders) {
    this.header = Map.copyOf(header);
    ImmutableMap.Builder<OrphaCode, Disorder> codes = ImmutableMap.builderWithExpectedSize(disorders.size());
    disorders.forEach(d -> codes.put(d.code(), d));
    this.byCode = codes.buildOrThrow();
    this.byName = com.google.common.base.Suppliers.memoize(() -> {
      ImmutableListMultimap.Builder<String, OrphaCode> names = ImmutableListMultimap.builder();
      for (Disorder d : byCode.values()) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(normalizeName(d.label()));
        d.synonyms().forEach(syn -> keys.add(normalizeName(syn)));
        keys.forEach(k -> names.put(k, d.code()));
      }
      return names.build();
    });
    this.children = com.google.common.base.Suppliers.memoize(() -> {
      ImmutableSetMultimap.Builder<OrphaCode, OrphaCode> kids = ImmutableSetMultimap.builder();
      byCode.values().forEach(d -> d.parents().forEach(p -> kids.put(p, d.code())));
      return kids.build();
    });
  }

  private static volatile Orphanet bundled;

  /** The ontology bundled with mmrare-data. */
  public static Orphanet bundled() {
    Orphanet o = bundled;
    if (o == null) {
      synchronized (Orphanet.class) {
        if (bundled == null) {
          bundled = read();
        }
        o = bundled;
      }
    }
    return o;
  }

  private static Orphanet read() {
    try (InputStream raw = Orphanet.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new MmrareException("The Orphanet resource " + RESOURCE + " is missing from the class path.");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
          StandardCharsets.UTF_8), 1 << 16);
      Map<String, String> header = new java.util.LinkedHashMap<>();
      List<String[]> hpo = new ArrayList<>();
      List<String> classes = new ArrayList<>();
      List<Disorder> disorders = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        List<String> f = pieces(line, '\t');
        switch (f.isEmpty() ? "" : f.get(0)) {
          case "#" -> header.put(f.get(1), f.get(2));
          case "H" -> hpo.add(new String[] {f.get(1), f.get(2)});
          case "C" -> classes.add(f.get(2));
          case "D" -> disorders.add(disorder(f, hpo, classes));
          default -> throw new MmrareException("Unexpected line in " + RESOURCE + ": " + line);
        }
      }
      return new Orphanet(header, disorders);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  // Plain loops, not streams or regex: this runs once per process, mostly before the JIT has warmed up.
  private static Disorder disorder(List<String> f, List<String[]> hpo, List<String> classes) {
    List<OrphaCode> parents = new ArrayList<>();
    for (String s : pieces(f.get(5), '|')) {
      parents.add(OrphaCode.of(Integer.parseInt(s)));
    }
    List<Disorder.OmimXref> omim = new ArrayList<>();
    for (String s : pieces(f.get(6), '|')) {
      int c = s.indexOf(':');
      omim.add(new Disorder.OmimXref(s.substring(0, c), s.substring(c + 1)));
    }
    List<String> cls = new ArrayList<>();
    for (String s : pieces(f.get(7), '|')) {
      cls.add(classes.get(Integer.parseInt(s)));
    }
    // phenotypes are read when first asked for: matching, the audit and stats never need the 116,000
    List<Disorder.Phenotype> ph = f.get(8).isEmpty() ? List.of() : new LazyPhenotypes(f.get(8), hpo);
    return new Disorder(OrphaCode.of(Integer.parseInt(f.get(1))), f.get(2), f.get(3), pieces(f.get(4), '|'), parents,
        omim, cls, ph);
  }

  /**
   * A disorder's phenotypes, parsed from the resource's {@code term:grade|...} field on first use.
   * Immutable like any list a {@link Disorder} holds; equal to the parsed list; safe to share between
   * threads (two threads parsing at once make equal lists, and either is kept).
   */
  static final class LazyPhenotypes extends java.util.AbstractList<Disorder.Phenotype>
      implements java.util.RandomAccess {
    private final String raw;
    private final List<String[]> hpo;
    private volatile List<Disorder.Phenotype> parsed;

    LazyPhenotypes(String raw, List<String[]> hpo) {
      this.raw = raw;
      this.hpo = hpo;
    }

    private List<Disorder.Phenotype> parsed() {
      List<Disorder.Phenotype> p = parsed;
      if (p == null) {
        List<Disorder.Phenotype> out = new ArrayList<>();
        for (String s : pieces(raw, '|')) {
          int c = s.indexOf(':');
          String[] h = hpo.get(Integer.parseInt(s, 0, c, 10));
          out.add(new Disorder.Phenotype(h[0], h[1], Disorder.Frequency.ofCode(s.substring(c + 1))));
        }
        p = List.copyOf(out);
        parsed = p;
      }
      return p;
    }

    @Override
    public Disorder.Phenotype get(int index) {
      return parsed().get(index);
    }

    @Override
    public int size() {
      return parsed().size();
    }
  }

  /** {@code s} split at every {@code sep}, empty pieces kept; an empty string has no pieces. */
  private static List<String> pieces(String s, char sep) {
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + 1;
    }
    out.add(s.substring(from));
    return out;
  }

  /**
   * The name key used for matching: lower case, accents removed, every run of characters other
   * than letters and digits turned into one space, trimmed.
   */
  public static String normalizeName(String name) {
    String ascii = asciiNormalized(name);
    if (ascii != null) {
      return ascii;
    }
    // marks are removed whether the name came composed or already decomposed (a decomposed "e\u0301"
    // used to keep its mark and split the word)
    String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    return NON_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /**
   * The same result as the general path for pure-ASCII names (most names), without regex or Unicode
   * normalisation: lower case, runs of anything but letters and digits as one space, trimmed. Null
   * for a name with a non-ASCII character.
   */
  private static String asciiNormalized(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean gap = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
      if (alnum) {
        if (gap && sb.length() > 0) {
          sb.append(' ');
        }
        gap = false;
        sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      } else {
        gap = true;
      }
    }
    return sb.toString();
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The release this resource was converted from. */
  public String release() {
    return header.getOrDefault("release", "unknown");
  }

  /** The licence line of the resource. */
  public String licence() {
    return header.getOrDefault("licence", "");
  }

  /** Every entry, in code order. */
  public List<Disorder> disorders() {
    return ImmutableList.copyOf(byCode.values());
  }

  /** The entry with this code. */
  public Optional<Disorder> get(OrphaCode code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Every entry whose label or a synonym matches {@code name} after {@link #normalizeName}; ambiguous names give several. */
  public List<Disorder> byName(String name) {
    return byName.get().get(normalizeName(name)).stream().map(byCode::get).toList();
  }

  /**
   * Entries whose label or a synonym comes closest to {@code name}, best first, at most {@code limit}:
   * names containing every word of the query (shortest name first), then names within a small edit
   * distance (typos). For a lookup that found nothing ("Gaucher" finds "Gaucher disease", ...).
   */
  public List<Disorder> suggest(String name, int limit) {
    String q = normalizeName(name);
    if (q.isEmpty() || limit <= 0) {
      return List.of();
    }
    String[] words = q.split(" ");
    record Scored(Disorder d, int rank, int length) {}
    java.util.Map<OrphaCode, Scored> best = new java.util.HashMap<>();
    for (Disorder d : disorders()) {
      List<String> names = new java.util.ArrayList<>();
      names.add(d.label());
      names.addAll(d.synonyms());
      for (String n : names) {
        String nn = normalizeName(n);
        int rank;
        if (java.util.Arrays.stream(words).allMatch(w -> (" " + nn + " ").contains(" " + w + " ")
            || (" " + nn).contains(" " + w))) {
          rank = 0;
        } else {
          int dist = editDistance(q, nn, 3);
          if (dist > Math.min(3, q.length() / 4)) {
            continue;
          }
          rank = 1 + dist;
        }
        Scored sc = new Scored(d, rank, nn.length());
        best.merge(d.code(), sc, (a, b) -> a.rank() < b.rank() || a.rank() == b.rank() && a.length() <= b.length()
            ? a : b);
      }
    }
    return best.values().stream()
        .sorted(java.util.Comparator.comparingInt(Scored::rank).thenComparingInt(Scored::length)
            .thenComparing(x -> x.d().label()))
        .limit(limit).map(Scored::d).toList();
  }

  /** Levenshtein distance, or {@code max + 1} as soon as it exceeds {@code max}. */
  private static int editDistance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Direct children. */
  public Set<OrphaCode> children(OrphaCode code) {
    return children.get().get(code);
  }

  /** Every ancestor (parents, their parents, ...), nearest first. */
  public Set<OrphaCode> ancestors(OrphaCode code) {
    // asked for every prediction's candidates: computed once per code
    return ancestorCache.computeIfAbsent(code,
        k -> java.util.Collections.unmodifiableSet(walk(k, c -> get(c).map(Disorder::parents).orElse(List.of()))));
  }

  private final java.util.concurrent.ConcurrentHashMap<OrphaCode, Set<OrphaCode>> ancestorCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Every descendant. */
  public Set<OrphaCode> descendants(OrphaCode code) {
    return walk(code, c -> List.copyOf(children.get().get(c)));
  }

  private static Set<OrphaCode> walk(OrphaCode start, java.util.function.Function<OrphaCode, List<OrphaCode>> next) {
    Set<OrphaCode> seen = new LinkedHashSet<>();
    Deque<OrphaCode> todo = new ArrayDeque<>(next.apply(start));
    while (!todo.isEmpty()) {
      OrphaCode c = todo.removeFirst();
      if (!c.equals(start) && seen.add(c)) {
        todo.addAll(next.apply(c));
      }
    }
    return seen;
  }

  /** How {@code a} relates to {@code b}: same, broader (a is an ancestor of b), narrower, sibling or unrelated. */
  public Relation relation(OrphaCode a, OrphaCode b) {
    if (a.equals(b)) {
      return Relation.SAME;
    }
    if (ancestors(b).contains(a)) {
      return Relation.BROADER;
    }
    if (ancestors(a).contains(b)) {
      return Relation.NARROWER;
    }
    List<OrphaCode> pa = get(a).map(Disorder::parents).orElse(List.of());
    List<OrphaCode> pb = get(b).map(Disorder::parents).orElse(List.of());
    for (OrphaCode p : pa) {
      if (pb.contains(p)) {
        return Relation.SIBLING;
      }
    }
    return Relation.UNRELATED;
  }
}
