package org.mmrarebench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Positive;

/** Properties of the fluent views: shards partition, samples are deterministic, codes round-trip. */
class BenchmarkProperties {
  static Benchmark bench(int perTrack) {
    List<BenchmarkItem> items = new ArrayList<>();
    for (int i = 0; i < perTrack; i++) {
      items.add(new DiagnosisItem(core(Track.DIAGNOSIS, i), List.of(), Optional.empty(), "c" + (i % 3)));
      items.add(new TreatmentItem(core(Track.TREATMENT, i), List.of("x"), List.of()));
      items.add(new ExaminationItem(core(Track.EXAMINATION, i), List.of(), List.of(), List.of()));
    }
    return Benchmark.of(items, DatasetInfo.inMemory("test"));
  }

  static ItemCore core(Track t, int i) {
    return new ItemCore(t, Integer.toString(i), "q" + i, "a" + i, "", List.of(), Map.of(), 0);
  }

  @Property
  void shardsPartitionTheBenchmark(@ForAll @IntRange(min = 0, max = 40) int perTrack,
      @ForAll @IntRange(min = 1, max = 12) int n) {
    Benchmark b = bench(perTrack);
    List<ItemId> all = new ArrayList<>();
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int i = 0; i < n; i++) {
      Benchmark s = b.shard(i, n);
      s.forEach(item -> all.add(item.id()));
      min = Math.min(min, s.size());
      max = Math.max(max, s.size());
    }
    assertEquals(b.size(), all.size());
    assertEquals(new HashSet<>(b.stream().map(BenchmarkItem::id).toList()), new HashSet<>(all));
    assertTrue(max - min <= 1);
  }

  @Property
  void sampleIsDeterministicForASeedWhateverTheInputOrder(@ForAll @IntRange(min = 0, max = 30) int perTrack,
      @ForAll @IntRange(min = 0, max = 50) int n, @ForAll long seed) {
    Benchmark b = bench(perTrack);
    List<BenchmarkItem> shuffled = new ArrayList<>(b.items());
    Collections.shuffle(shuffled, new Random(seed));
    Benchmark c = Benchmark.of(shuffled, DatasetInfo.inMemory("shuffled"));
    Set<ItemId> s1 = new HashSet<>(b.sample(n, seed).stream().map(BenchmarkItem::id).toList());
    Set<ItemId> s2 = new HashSet<>(c.sample(n, seed).stream().map(BenchmarkItem::id).toList());
    assertEquals(s1, s2);
    assertEquals(Math.min(n, b.size()), s1.size());
    assertEquals(b.sample(n, seed).items(), b.sample(n, seed).items());
  }

  @Property
  void orphaCodesRoundTrip(@ForAll @Positive @IntRange(max = 999_999_999) int value) {
    OrphaCode c = OrphaCode.of(value);
    assertEquals(c, OrphaCode.parse(c.toString()));
    assertEquals(c, OrphaCode.parse(Integer.toString(value)));
    assertEquals(c, OrphaCode.parse(c.ordoId()));
  }

  @Property
  void viewsNeverMutateTheReceiver(@ForAll @IntRange(min = 1, max = 20) int perTrack) {
    Benchmark b = bench(perTrack);
    List<BenchmarkItem> before = b.items();
    b.track(Track.TREATMENT);
    b.category("c1");
    b.imageCount(0, 0);
    b.shard(0, 2);
    assertEquals(before, b.items());
    assertEquals(perTrack, b.track(Track.TREATMENT).size());
    assertEquals(Set.of(Track.DIAGNOSIS, Track.TREATMENT, Track.EXAMINATION), b.tracks());
  }

  @Property
  void malformedOrphaCodesAreRefusedWithTheAcceptedForms(@ForAll String text) {
    if (!text.strip().matches("(ORPHA:|Orphanet_)?0*[1-9][0-9]{0,8}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrphaCode.parse(text));
      assertTrue(e.getMessage().contains("ORPHA:558"));
    }
  }
}
