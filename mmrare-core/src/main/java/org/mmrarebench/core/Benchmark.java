package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import com.google.errorprone.annotations.CheckReturnValue;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mmrarebench.core.spi.BenchmarkSource;

/**
 * An immutable, ordered set of benchmark items (tracks in declaration order, rows in file order)
 * with fluent views: every filtering method returns a new {@code Benchmark} and never changes this one.
 *
 * <pre>{@code
 * Benchmark plans = Benchmark.load().track(Track.TREATMENT);
 * for (BenchmarkItem item : plans) { Prompt p = Prompts.reference(item); ... }
 * }</pre>
 */
@CheckReturnValue // every view is a new Benchmark: ignoring it is a bug (bench.track(T) changes nothing)
public final class Benchmark implements Iterable<BenchmarkItem> {
  private static final System.Logger LOG = System.getLogger(Benchmark.class.getName());
  /** System property naming the release root; checked first by {@link #load()}. */
  public static final String ROOT_PROPERTY = "mmrare.root";
  /** Environment variable naming the release root (an absolute path). */
  public static final String ROOT_ENV = "MMRAREBENCH_ROOT";

  private final ImmutableList<BenchmarkItem> items;
  private final ImmutableMap<ItemId, BenchmarkItem> byId;
  private final DatasetInfo info;

  private Benchmark(ImmutableList<BenchmarkItem> items, DatasetInfo info) {
    this.items = items;
    ImmutableMap.Builder<ItemId, BenchmarkItem> b = ImmutableMap.builderWithExpectedSize(items.size());
    for (BenchmarkItem item : items) {
      b.put(item.id(), item);
    }
    try {
      this.byId = b.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a benchmark cannot hold two items with the same track and index: "
          + e.getMessage(), e);
    }
    this.info = checkNotNull(info, "info");
  }

  /**
   * A benchmark of these items, put in canonical order (track, then the given order within a track).
   *
   * @throws IllegalArgumentException when two items share a track and index
   */
  public static Benchmark of(List<? extends BenchmarkItem> items, DatasetInfo info) {
    ImmutableList<BenchmarkItem> sorted = items.stream()
        .sorted(Comparator.comparing(BenchmarkItem::track))
        .collect(ImmutableList.toImmutableList());
    return new Benchmark(sorted, info);
  }

  /**
   * The benchmark the environment points at, in this order: the system property {@value #ROOT_PROPERTY},
   * the environment variable {@value #ROOT_ENV} (an absolute path), {@code $LMUData/MMrarebench}
   * (VLMEvalKit's convention; {@code LMUData} defaults to {@code ~/LMUData}) when that folder exists,
   * and otherwise the embedded synthetic sample, with a log message saying so.
   *
   * @throws ConfigurationException when a configured root does not exist
   */
  public static Benchmark load() {
    Optional<Path> root = configuredRoot();
    if (root.isPresent()) {
      return load(root.get());
    }
    LOG.log(Level.INFO, "No MMRareBench release configured (-D" + ROOT_PROPERTY + ", " + ROOT_ENV
        + ", $LMUData/MMrarebench); using the embedded synthetic sample.");
    return embedded();
  }

  /**
   * The release root {@link #load()} would read (system property, environment variable, then
   * {@code $LMUData/MMrarebench}), or empty when it would use the embedded sample.
   *
   * @throws ConfigurationException when a configured root does not exist or is not absolute
   */
  public static Optional<Path> configuredRoot() {
    return resolveRoot(System.getProperty(ROOT_PROPERTY), System.getenv(ROOT_ENV), System.getenv("LMUData"),
        System.getProperty("user.home"));
  }

  static Optional<Path> resolveRoot(String property, String env, String lmuData, String userHome) {
    if (property != null && !property.isBlank()) {
      return Optional.of(existing(Path.of(property), "system property " + ROOT_PROPERTY));
    }
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (!p.isAbsolute()) {
        throw new ConfigurationException(ROOT_ENV + " must be an absolute path, was '" + env
            + "'; set it to the folder that holds diagnosis/, treatment/, crossmodal/ and examination/.");
      }
      return Optional.of(existing(p, "environment variable " + ROOT_ENV));
    }
    Path candidate = org.mmrarebench.core.internal.ReleaseLocation.lmuData(lmuData, userHome);
    return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  private static Path existing(Path p, String from) {
    if (!Files.isDirectory(p)) {
      throw new ConfigurationException("The MMRareBench root " + p + " (from " + from + ") is not a directory;"
          + " point it at the folder that holds diagnosis/, treatment/, crossmodal/ and examination/.");
    }
    return p;
  }

  /** Reads the release under {@code root} strictly (the first problem fails with its location). */
  public static Benchmark load(Path root) {
    return source().read(root);
  }

  /**
   * The embedded synthetic sample (all four tracks; not clinical data). Named apart from the instance
   * method {@link #sample(int, long)}, which draws a subset of a benchmark.
   */
  public static Benchmark embedded() {
    return source().sample();
  }

  private static BenchmarkSource source() {
    return ServiceLoader.load(BenchmarkSource.class, Benchmark.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new ConfigurationException("No BenchmarkSource found on the class path; add the"
            + " dependency org.mmrarebench:mmrare-data, which reads releases and holds the embedded sample."));
  }

  /** Origin and fingerprint of the data. */
  public DatasetInfo info() {
    return info;
  }

  /** The items, in canonical order. */
  public List<BenchmarkItem> items() {
    return items;
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }

  /** Whether there are no items. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The tracks that have at least one item, in declaration order. */
  public Set<Track> tracks() {
    EnumSet<Track> s = EnumSet.noneOf(Track.class);
    items.forEach(i -> s.add(i.track()));
    return s;
  }

  /** A view with only the items of the given tracks. */
  public Benchmark track(Track first, Track... rest) {
    EnumSet<Track> wanted = EnumSet.of(first, rest);
    return filter(i -> wanted.contains(i.track()));
  }

  /** A view with only the items {@code predicate} accepts. */
  public Benchmark filter(Predicate<? super BenchmarkItem> predicate) {
    return new Benchmark(items.stream().filter(predicate).collect(ImmutableList.toImmutableList()), info);
  }

  /** A view with only the diagnosis items of this category (other tracks have none). */
  public Benchmark category(String category) {
    return filter(i -> i instanceof DiagnosisItem d && d.category().equals(category));
  }

  /** A view with only the diagnosis items anchored to this ORPHA code. */
  public Benchmark orphaCode(OrphaCode code) {
    return filter(i -> i instanceof DiagnosisItem d && d.orphaCode().equals(Optional.of(code)));
  }

  /** A view with only the items that have between {@code min} and {@code max} images, inclusive. */
  public Benchmark imageCount(int min, int max) {
    checkArgument(0 <= min && min <= max, "need 0 <= min <= max, was %s..%s", min, max);
    return filter(i -> i.images().size() >= min && i.images().size() <= max);
  }

  /**
   * A deterministic sample of {@code n} items (all items when fewer): the same seed gives the same
   * items whatever order they were read in; the result keeps canonical order.
   */
  public Benchmark sample(int n, long seed) {
    checkArgument(n >= 0, "sample size must be >= 0, was %s", n);
    Comparator<BenchmarkItem> byHash = Comparator.comparingLong(i -> rank(seed, i.id()));
    List<BenchmarkItem> chosen = items.stream().sorted(byHash.thenComparing(BenchmarkItem::id)).limit(n).toList();
    Set<ItemId> keep = chosen.stream().map(BenchmarkItem::id).collect(java.util.stream.Collectors.toSet());
    return filter(i -> keep.contains(i.id()));
  }

  private static long rank(long seed, ItemId id) {
    return Hashing.sipHash24(seed, 0x6d6d72617265L).hashString(id.toString(), StandardCharsets.UTF_8).asLong();
  }

  /**
   * Shard {@code i} of {@code n} (0-based): item at canonical position p belongs to shard {@code p mod n},
   * so every item is in exactly one shard and shard sizes differ by at most one.
   */
  public Benchmark shard(int i, int n) {
    checkArgument(n >= 1, "shard count must be >= 1, was %s", n);
    checkElementIndex(i, n, "shard index");
    ImmutableList.Builder<BenchmarkItem> b = ImmutableList.builder();
    for (int p = i; p < items.size(); p += n) {
      b.add(items.get(p));
    }
    return new Benchmark(b.build(), info);
  }

  /** The item with this track and index. */
  public Optional<BenchmarkItem> get(Track track, String index) {
    return Optional.ofNullable(byId.get(new ItemId(track, index)));
  }

  /** The item with this id. */
  public Optional<BenchmarkItem> get(ItemId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The items as a stream, in canonical order. */
  public Stream<BenchmarkItem> stream() {
    return items.stream();
  }

  @Override
  public Iterator<BenchmarkItem> iterator() {
    return items.iterator();
  }

  /** Item counts per track, in declaration order. */
  public Map<Track, Integer> counts() {
    Map<Track, Integer> m = new java.util.EnumMap<>(Track.class);
    items.forEach(i -> m.merge(i.track(), 1, Integer::sum));
    return m;
  }

  @Override
  public String toString() {
    return "Benchmark[" + items.size() + " items from " + info.description() + "]";
  }
}
