package org.mmrarebench.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.Track;

/**
 * Counts over a benchmark that never decode an image: items and images per track, images per item
 * (min, median, max), base64 versus path images, and media types as sniffed while reading.
 *
 * @param items items in all tracks
 * @param images images in all tracks
 * @param tracks per-track figures, keyed by track, in declaration order
 */
public record DatasetStats(int items, int images, Map<Track, TrackStats> tracks) {
  /**
   * Figures for one track.
   *
   * @param items item count
   * @param images image count
   * @param minImages fewest images on an item
   * @param medianImages median images per item
   * @param maxImages most images on an item
   * @param base64Images images from the {@code image} column
   * @param pathImages images from the {@code image_path} column
   * @param imageBytes total decoded image bytes
   * @param mediaTypes image count per MIME type
   */
  public record TrackStats(int items, int images, int minImages, double medianImages, int maxImages,
      int base64Images, int pathImages, long imageBytes, Map<String, Integer> mediaTypes) {}

  /** Computes the figures. */
  public static DatasetStats of(Benchmark bench) {
    Map<Track, TrackStats> tracks = new LinkedHashMap<>();
    int items = 0;
    int images = 0;
    for (Track t : bench.tracks()) {
      List<BenchmarkItem> ti = bench.track(t).items();
      int[] counts = ti.stream().mapToInt(i -> i.images().size()).sorted().toArray();
      int b64 = 0;
      int path = 0;
      long bytes = 0;
      Map<String, Integer> types = new TreeMap<>();
      for (BenchmarkItem i : ti) {
        for (ImageRef r : i.images()) {
          if (r.origin() == ImageRef.Origin.BASE64) {
            b64++;
          } else {
            path++;
          }
          bytes += r.size();
          types.merge(r.mediaType().map(m -> m.mime()).orElse("unknown"), 1, Integer::sum);
        }
      }
      int n = Arrays.stream(counts).sum();
      double median = counts.length == 0 ? 0
          : counts.length % 2 == 1 ? counts[counts.length / 2]
              : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2.0;
      tracks.put(t, new TrackStats(ti.size(), n, counts.length == 0 ? 0 : counts[0], median,
          counts.length == 0 ? 0 : counts[counts.length - 1], b64, path, bytes, types));
      items += ti.size();
      images += n;
    }
    return new DatasetStats(items, images, tracks);
  }

  /** The figures as nested maps keyed as in {@code stats --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("images", images);
    Map<String, Object> ts = new LinkedHashMap<>();
    tracks.forEach((t, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("items", s.items());
      m.put("images", s.images());
      m.put("images_per_item", Map.of("min", s.minImages(), "median", s.medianImages(), "max", s.maxImages()));
      m.put("base64_images", s.base64Images());
      m.put("path_images", s.pathImages());
      m.put("image_bytes", s.imageBytes());
      m.put("media_types", s.mediaTypes());
      ts.put(t.folder(), m);
    });
    out.put("tracks", ts);
    return out;
  }
}
