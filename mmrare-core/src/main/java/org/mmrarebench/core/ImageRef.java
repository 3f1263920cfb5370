package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One image of a benchmark item: its stable reference name, where it comes from, and its bytes,
 * read only when asked for so that a benchmark never holds every decoded image at once.
 *
 * <p>The name is the one the reference scorer gives the image ({@code <index>--<k>.jpg} for base64
 * images, the file name for {@code image_path} images); figure labels attach by it. Media type,
 * size and sha256 come from the bytes, not the name. Instances are immutable; metadata is computed
 * once, on first use.
 */
public final class ImageRef {
  /** Where the bytes of an image come from in the release. */
  public enum Origin {
    /** A base64 string in the {@code image} column. */
    BASE64,
    /** A file named in the {@code image_path} column, relative to the track folder. */
    PATH
  }

  /** Reads the bytes of an image; each call reads them anew. */
  @FunctionalInterface
  public interface ByteLoader {
    /**
     * Returns the decoded image bytes.
     *
     * @throws MmrareException naming the image when they cannot be read
     */
    byte[] load();
  }

  private final String name;
  private final Origin origin;
  private final String location;
  private final ByteLoader loader;
  private final Supplier<Meta> meta;

  private final long knownSize;
  private final Optional<MediaType> knownType;
  private final Optional<ByteLoader> storedBase64;
  private final Supplier<String> contentKey;

  private record Meta(long size, String sha256, Optional<MediaType> mediaType) {}

  private ImageRef(String name, Origin origin, String location, ByteLoader loader, long knownSize,
      Optional<MediaType> knownType, Optional<ByteLoader> storedBase64) {
    this.name = checkNotNull(name, "name");
    this.origin = checkNotNull(origin, "origin");
    this.location = checkNotNull(location, "location");
    this.loader = checkNotNull(loader, "loader");
    this.knownSize = knownSize;
    this.knownType = checkNotNull(knownType, "knownType");
    this.meta = Suppliers.memoize(this::computeMeta);
    this.storedBase64 = checkNotNull(storedBase64, "storedBase64");
    this.contentKey = Suppliers.memoize(() -> storedBase64.isPresent()
        ? "b64-sha256:" + Hashing.sha256().hashBytes(storedBase64.get().load()).toString()
        : "sha256:" + sha256());
  }

  /**
   * An image whose bytes are read by {@code loader} when needed.
   *
   * @param name the stable reference name
   * @param origin base64 cell or file
   * @param location a human-readable place, for example {@code treatment/treatment_plan.tsv line 4}
   *     or the file path; used in messages
   */
  public static ImageRef lazy(String name, Origin origin, String location, ByteLoader loader) {
    return new ImageRef(name, origin, location, loader, -1, Optional.empty(), Optional.empty());
  }

  /**
   * An image whose size and media type are already known (a reader sniffs them while reading, so
   * that statistics never decode images); the bytes and sha256 are still read only when asked for.
   */
  public static ImageRef lazy(String name, Origin origin, String location, long size, MediaType mediaType,
      ByteLoader loader) {
    checkNotNull(mediaType, "mediaType");
    com.google.common.base.Preconditions.checkArgument(size >= 0, "size must be >= 0, was %s", size);
    return new ImageRef(name, origin, location, loader, size, Optional.of(mediaType), Optional.empty());
  }

  /**
   * A base64 image whose canonical base64 text can be read as stored (no escapes, nothing outside
   * the alphabet), so that clients can send it and caches can key it without decoding.
   *
   * @param storedBase64 reads the stored base64 text as ASCII bytes
   */
  public static ImageRef lazyBase64(String name, String location, long size, MediaType mediaType, ByteLoader loader,
      ByteLoader storedBase64) {
    checkNotNull(mediaType, "mediaType");
    com.google.common.base.Preconditions.checkArgument(size >= 0, "size must be >= 0, was %s", size);
    return new ImageRef(name, Origin.BASE64, location, loader, size, Optional.of(mediaType),
        Optional.of(checkNotNull(storedBase64, "storedBase64")));
  }

  /** An image held in memory (a copy of {@code bytes} is kept). */
  public static ImageRef ofBytes(String name, Origin origin, String location, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new ImageRef(name, origin, location, copy::clone, copy.length,
        MediaType.sniff(Arrays.copyOf(copy, Math.min(copy.length, MediaType.SNIFF_BYTES))), Optional.empty());
  }

  /** The reference name, for example {@code 12--1.jpg} or {@code case12_fig1.jpg}. */
  public String name() {
    return name;
  }

  /** Whether the image came from base64 or from a file path. */
  public Origin origin() {
    return origin;
  }

  /** Where the image is, for messages: the file path or the TSV cell. */
  public String location() {
    return location;
  }

  /** Reads and returns the image bytes (a fresh array on every call). */
  public byte[] bytes() {
    return loader.load();
  }

  /** The decoded size in bytes (reads the image once unless the reader already knew it). */
  public long size() {
    return knownSize >= 0 ? knownSize : meta.get().size();
  }

  /** The image as standard base64: the stored text when it is canonical, else the bytes encoded. */
  public String base64() {
    return storedBase64.isPresent()
        ? new String(storedBase64.get().load(), java.nio.charset.StandardCharsets.US_ASCII)
        : java.util.Base64.getEncoder().encodeToString(bytes());
  }

  /**
   * A stable identity of the image for cache keys: the sha256 of the stored base64 text when there
   * is one (no decoding: several times cheaper), else of the bytes. Equal keys mean equal images; the
   * same picture stored two ways may get two keys, which costs a cache miss, never a wrong hit.
   */
  public String contentKey() {
    return contentKey.get();
  }

  /** Lower-case hex sha256 of the decoded bytes (reads the image once). */
  public String sha256() {
    return meta.get().sha256();
  }

  /** The media type sniffed from the first bytes, or empty when the bytes are not a known image. */
  public Optional<MediaType> mediaType() {
    return knownType.isPresent() ? knownType : meta.get().mediaType();
  }

  private Meta computeMeta() {
    byte[] b = loader.load();
    return new Meta(b.length, Hashing.sha256().hashBytes(b).toString(),
        MediaType.sniff(Arrays.copyOf(b, Math.min(b.length, MediaType.SNIFF_BYTES))));
  }

  @Override
  public String toString() {
    return "ImageRef[" + name + " (" + origin + ") at " + location + "]";
  }
}
