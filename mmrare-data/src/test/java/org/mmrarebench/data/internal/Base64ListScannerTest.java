package org.mmrarebench.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time check equals the byte-by-byte definition of the base64 alphabet. */
class Base64ListScannerTest {
  private static boolean isData(int b) {
    return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/';
  }

  private static boolean allData(byte[] b, int at) {
    for (int k = 0; k < 8; k++) {
      if (!isData(b[at + k] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  private static long word(byte[] b) {
    long x = 0;
    for (int k = 7; k >= 0; k--) {
      x = (x << 8) | (b[k] & 0xFF);
    }
    return x;
  }

  @Test
  void everyByteValueInEveryLane() {
    for (int lane = 0; lane < 8; lane++) {
      for (int v = 0; v < 256; v++) {
        byte[] b = "QUJDRGVm".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b[lane] = (byte) v;
        assertEquals(allData(b, 0), Base64ListScanner.allData(word(b)), "lane " + lane + " byte " + v);
      }
    }
  }

  @Property(tries = 5000)
  void randomWordsAndSkipping(@ForAll long x, @ForAll byte[] tail) {
    byte[] b = new byte[8 + tail.length];
    for (int k = 0; k < 8; k++) {
      b[k] = (byte) (x >>> (8 * k));
    }
    System.arraycopy(tail, 0, b, 8, tail.length);
    assertEquals(allData(b, 0), Base64ListScanner.allData(x));
    int expected = 0;
    while (expected < b.length && isData(b[expected] & 0xFF)) {
      expected++;
    }
    assertEquals(expected, Base64ListScanner.skipData(b, 0, b.length));
  }

  @Test
  void longDataRunsStopAtTheFirstOtherByte() {
    byte[] b = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" .repeat(3) + "=\"").getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    for (int from = 0; from < 20; from++) {
      assertEquals(192, Base64ListScanner.skipData(b, from, b.length));
      assertEquals(100, Base64ListScanner.skipData(b, from, 100));
    }
  }
}
