package org.mmrarebench.data;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.SplittableRandom;
import org.mmrarebench.core.Track;

/**
 * Writes a synthetic release at the paper's scale - 1,756 items and 7,958 images over the four
 * tracks - for benchmarks and memory tests. Images are JPEG-signed byte blobs of the chosen size
 * (not decodable pictures: only their size, signature and hash matter here); diagnosis, treatment
 * and crossmodal embed them as base64, examination stores files referenced by {@code image_path}.
 * Everything is streamed to disk; the same seed writes the same bytes.
 */
public final class ScaleFixture {
  /** Items per track, in the release's proportions, summing to the paper's 1,756. */
  static final int[] ITEMS = {484, 294, 580, 398};
  /** The paper's image count. */
  public static final int IMAGES = 7_958;

  private ScaleFixture() {}

  /**
   * Writes the fixture under {@code out} and returns the number of images written.
   *
   * @param imageBytes the size of every image, at least 64 bytes (the default in the CLI is 150 KB)
   */
  public static int write(Path out, int imageBytes, long seed) {
    checkArgument(imageBytes >= 64, "images must be at least 64 bytes, was %s", imageBytes);
    int total = 0;
    for (int i : ITEMS) {
      total += i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] body = new byte[imageBytes];
    rnd.nextBytes(body);
    // JPEG signature and JFIF APP0 header, so the media type sniffs as image/jpeg.
    byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    System.arraycopy(header, 0, body, 0, header.length);
    int written = 0;
    int itemNo = 0;
    try {
      for (Track t : Track.values()) {
        Path dir = out.resolve(t.folder());
        Files.createDirectories(dir.resolve("images"));
        boolean base64 = t != Track.EXAMINATION;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve(t.fileName())), 1 << 20)) {
          write(os, header(t));
          for (int i = 0; i < ITEMS[t.ordinal()]; i++, itemNo++) {
            // Spread IMAGES over all items: item k gets floor((k+1)*IMAGES/total) - floor(k*IMAGES/total) images.
            int n = (int) ((long) (itemNo + 1) * IMAGES / total - (long) itemNo * IMAGES / total);
            StringBuilder row = new StringBuilder();
            row.append(i).append('\t').append("Synthetic question ").append(i).append(" (fixture, not clinical data)?")
                .append('\t').append("Synthetic answer ").append(i).append('\t')
                .append("Synthetic case narrative for benchmarking only.");
            write(os, row.toString());
            write(os, "\t");
            if (base64) {
              write(os, "\"[");
              for (int k = 0; k < n; k++) {
                stamp(body, written + k);
                write(os, k == 0 ? "\"\"" : ", \"\"");
                os.write(Base64.getEncoder().encode(body));
                write(os, "\"\"");
              }
              write(os, "]\"\t");
            } else {
              write(os, "\"[");
              for (int k = 0; k < n; k++) {
                stamp(body, written + k);
                String name = "images/case" + i + "_fig" + (k + 1) + ".jpg";
                Files.write(dir.resolve(name), body);
                write(os, (k == 0 ? "" : ", ") + "\"\"" + name + "\"\"");
              }
              write(os, "]\"\t");
            }
            write(os, trackColumns(t, i));
            write(os, "\n");
            written += n;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fixture under " + out, e);
    }
    return written;
  }

  private static void stamp(byte[] body, int imageNo) {
    for (int b = 0; b < 4; b++) {
      body[12 + b] = (byte) (imageNo >>> (8 * b));
    }
  }

  private static String header(Track t) {
    String common = "index\tquestion\tanswer\tcontext\t" + (t == Track.EXAMINATION ? "image_path" : "image");
    return common + switch (t) {
      case DIAGNOSIS -> "\tanswer_aliases\tORPHA_code\tcategory\n";
      case TREATMENT -> "\trubric_must_include\trubric_must_not\n";
      case CROSSMODAL -> "\tfigure_mapping\tgolden_mainline\trelation_type\n";
      case EXAMINATION -> "\tkey_test_names\tred_flags_to_rule_out\tmust_not\n";
    };
  }

  private static String trackColumns(Track t, int i) {
    return switch (t) {
      case DIAGNOSIS -> "Alias " + i + "\tORPHA:" + (58 + i) + "\tRare synthetic disease";
      case TREATMENT -> "Element A; Element B\tUnsafe element";
      case CROSSMODAL -> "\"{\"\"Figure 1\"\": \"\"" + i + "--1.jpg\"\"}\"\tFinding A; Finding B\tconfirm";
      case EXAMINATION -> "Test A; Test B\tRed flag\tUseless test";
    };
  }

  private static void write(OutputStream os, String s) throws IOException {
    os.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
