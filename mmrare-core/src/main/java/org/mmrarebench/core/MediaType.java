package org.mmrarebench.core;

import java.util.Optional;

/** Image formats the library recognises from their first bytes (never from a file name). */
public enum MediaType {
  /** JPEG, {@code FF D8 FF}. */
  JPEG("image/jpeg"),
  /** PNG, {@code 89 50 4E 47 0D 0A 1A 0A}. */
  PNG("image/png"),
  /** GIF87a / GIF89a. */
  GIF("image/gif"),
  /** WebP, {@code RIFF....WEBP}. */
  WEBP("image/webp"),
  /** Windows bitmap, {@code BM}. */
  BMP("image/bmp"),
  /** TIFF, little or big endian. */
  TIFF("image/tiff");

  /** How many leading bytes {@link #sniff} needs at most. */
  public static final int SNIFF_BYTES = 12;

  private final String mime;

  MediaType(String mime) {
    this.mime = mime;
  }

  /** The MIME type, for example {@code image/png}. */
  public String mime() {
    return mime;
  }

  /** The format whose signature starts {@code head}, or empty when the bytes are not a known image. */
  public static Optional<MediaType> sniff(byte[] head) {
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9')
        && head[5] == 'a') {
      return Optional.of(GIF);
    }
    if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
        && head[10] == 'B' && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (startsWith(head, 'B', 'M') && head.length >= 6) {
      return Optional.of(BMP);
    }
    if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... sig) {
    if (b.length < sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[i] & 0xFF) != (sig[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
